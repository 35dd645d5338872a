import { Button, Group, Modal, NumberInput, Skeleton, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { QueryError } from '../../../ui/QueryError';
import { useSaveUsageSettings, useUsageSettings, type UsageSettings } from './api';

const FIELDS = ['externalId', 'seats', 'licensedFeatures'] as const;

interface Values {
  externalId: string;
  seats: number | string;
  licensedFeatures: string[];
}

const valuesOf = (s: UsageSettings): Values => ({
  externalId: s.externalId ?? '',
  seats: s.seats ?? '',
  licensedFeatures: s.licensedFeatures,
});

/** Seats, licensed features and the id the product reports the account by. */
export function EditLicencesModal({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  const settings = useUsageSettings(accountId, opened);
  const save = useSaveUsageSettings(accountId);
  const form = useForm<Values>({
    initialValues: { externalId: '', seats: '', licensedFeatures: [] },
    validate: {
      seats: (v) => (v === '' || (Number.isInteger(Number(v)) && Number(v) >= 0) ? null : 'Seats are a whole number, 0 or more'),
      licensedFeatures: (v) => (v.some((f) => f.length > 100) ? 'A feature key is at most 100 characters' : null),
    },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (opened && settings.data) {
      setValues(valuesOf(settings.data));
      resetDirty(valuesOf(settings.data));
    }
    // Load the saved values each time the dialog opens.
  }, [opened, settings.data, setValues, resetDirty]);

  const submit = (values: Values) =>
    save.mutate(
      {
        externalId: values.externalId.trim() || null,
        seats: values.seats === '' ? null : Number(values.seats),
        licensedFeatures: values.licensedFeatures.map((f) => f.trim()).filter(Boolean),
      },
      {
        onSuccess: () => {
          notifySuccess('Licences saved.');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    );

  return (
    <Modal opened={opened} onClose={onClose} title="Edit licences" centered>
      {settings.isPending && <Skeleton height={160} />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isSuccess && (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack gap="sm">
            <NumberInput
              label="Seats"
              description="Users the contract pays for; leave empty if not counted"
              min={0}
              allowDecimal={false}
              {...form.getInputProps('seats')}
            />
            <TagsInput
              label="Licensed features"
              description="Feature keys as the product reports them; press Enter after each"
              clearable
              {...form.getInputProps('licensedFeatures')}
            />
            <TextInput
              label="External id"
              description="The id the product reports this account by (accountExternalId)"
              maxLength={200}
              {...form.getInputProps('externalId')}
            />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save licences
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
