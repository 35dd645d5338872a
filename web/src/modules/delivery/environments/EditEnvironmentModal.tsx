import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import { HOSTING_KINDS, HOSTING_LABELS, useReleases, useUpdateEnvironment, type Environment, type Hosting } from './api';

const FIELDS = ['name', 'version', 'hosting', 'region', 'status', 'contactIds'] as const;

export function EditEnvironmentModal({ env, opened, onClose }: { env: Environment; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Edit environment" size="lg" centered>
      {opened && <EditForm env={env} onClose={onClose} />}
    </Modal>
  );
}

function EditForm({ env, onClose }: { env: Environment; onClose: () => void }) {
  const releases = useReleases(env.product);
  const contacts = useContacts(env.account.id);
  const update = useUpdateEnvironment(env.id);
  const form = useForm({
    initialValues: {
      name: env.name,
      version: env.version,
      hosting: env.hosting as Hosting,
      region: env.region ?? '',
      status: env.status,
      contactIds: env.contacts.map((c) => c.id),
    },
  });
  const submit = form.onSubmit((values) =>
    update.mutate(
      { ...values, region: values.region.trim() || null },
      {
        onSuccess: () => {
          notifySuccess('Environment saved');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label="Name" {...form.getInputProps('name')} />
          <Select
            label="Version"
            description="Upgrades usually go through a campaign"
            data={(releases.data ?? []).map((r) => r.version)}
            {...form.getInputProps('version')}
            allowDeselect={false}
          />
          <Select
            label="Hosting"
            data={HOSTING_KINDS.map((h) => ({ value: h, label: HOSTING_LABELS[h] }))}
            {...form.getInputProps('hosting')}
            allowDeselect={false}
          />
          <TextInput label="Region" {...form.getInputProps('region')} />
          <Select
            label="Status"
            data={[
              { value: 'active', label: 'Active' },
              { value: 'decommissioned', label: 'Decommissioned' },
            ]}
            {...form.getInputProps('status')}
            allowDeselect={false}
          />
        </SimpleGrid>
        <MultiSelect
          label="Contacts responsible"
          data={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          searchable
          {...form.getInputProps('contactIds')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
