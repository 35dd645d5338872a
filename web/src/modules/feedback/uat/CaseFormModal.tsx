import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { showServerErrors } from '../../../ui/server-errors';
import { useAddCase, useUpdateCase, type UatCase } from './api';
import { CaseFields, caseRules, emptyCase, type CaseValues } from './CaseFields';

interface Props {
  roundId: string;
  /** The case to edit; none adds a new one at the end. */
  editing: UatCase | null;
  opened: boolean;
  onClose: () => void;
}

/** Adds a test case to an open round, or edits one. */
export function CaseFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.editing ? 'Edit test case' : 'Add a test case'} size="lg" centered>
      {props.opened && <CaseForm {...props} />}
    </Modal>
  );
}

function CaseForm({ roundId, editing, onClose }: Props) {
  const add = useAddCase(roundId);
  const update = useUpdateCase();
  const form = useForm<CaseValues>({
    initialValues: editing ? { title: editing.title, steps: editing.steps, expected: editing.expected } : emptyCase(),
    validate: caseRules,
  });
  const submit = (values: CaseValues) => {
    const options = { onSuccess: onClose, onError: (e: Error) => showServerErrors(form, e, ['title', 'steps', 'expected']) };
    if (editing) update.mutate({ id: editing.id, ...values }, options);
    else add.mutate(values, options);
  };
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <CaseFields form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending || update.isPending}>
            {editing ? 'Save case' : 'Add case'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
