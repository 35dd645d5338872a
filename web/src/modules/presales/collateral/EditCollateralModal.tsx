import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useUpdateCollateral, type CollateralItem } from './api';
import { CollateralFields, DETAIL_FIELDS, detailsBody, formValuesOf, validateDetails, type CollateralFormValues } from './CollateralFields';

/** The item's details: title, kind, product area, tags, description, owner, industries and segments. */
export function EditCollateralModal({ item, opened, onClose }: { item: CollateralItem; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Edit collateral details" size="lg" centered>
      {opened && <EditForm item={item} onClose={onClose} />}
    </Modal>
  );
}

function EditForm({ item, onClose }: { item: CollateralItem; onClose: () => void }) {
  const update = useUpdateCollateral(item.id);
  const form = useForm<CollateralFormValues>({ initialValues: formValuesOf(item), validate: validateDetails });
  const submit = form.onSubmit((values) =>
    update.mutate(detailsBody(values), {
      onSuccess: () => {
        notifySuccess('Details saved.');
        onClose();
      },
      onError: (error) => showServerErrors(form, error, DETAIL_FIELDS),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <CollateralFields form={form} />
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
