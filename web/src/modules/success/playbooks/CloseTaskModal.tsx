import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { TASK_CLOSE_REASON_LABELS, TASK_CLOSE_REASONS, useUpdateTask, type SuccessTask, type TaskCloseReason } from './api';

const FIELDS = ['status', 'closeReason', 'note'] as const;

/** Closes a task as done or dismissed, with the reason and a note; a closed task stays closed. */
export function CloseTaskModal({ task, onClose }: { task: SuccessTask | null; onClose: () => void }) {
  return (
    <Modal opened={task !== null} onClose={onClose} title="Close task" centered>
      {task && <CloseTaskForm task={task} onClose={onClose} />}
    </Modal>
  );
}

function CloseTaskForm({ task, onClose }: { task: SuccessTask; onClose: () => void }) {
  const update = useUpdateTask();
  const form = useForm({
    initialValues: { status: 'done' as 'done' | 'dismissed', closeReason: null as TaskCloseReason | null, note: '' },
    validate: { closeReason: (v) => (v ? null : 'Say why the task is closed') },
  });
  const submit = form.onSubmit((values) =>
    update.mutate(
      { id: task.id, status: values.status, closeReason: values.closeReason!, ...(values.note.trim() ? { note: values.note.trim() } : {}) },
      {
        onSuccess: () => {
          notifySuccess(values.status === 'done' ? 'Task done' : 'Task dismissed');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm" fw={600}>
          {task.title} · {task.account.name}
        </Text>
        <SegmentedControl
          aria-label="Outcome"
          data={[
            { value: 'done', label: 'Done' },
            { value: 'dismissed', label: 'Dismissed' },
          ]}
          {...form.getInputProps('status')}
        />
        <Select
          label="Reason"
          placeholder="Pick a reason"
          data={TASK_CLOSE_REASONS.map((r) => ({ value: r, label: TASK_CLOSE_REASON_LABELS[r] }))}
          withAsterisk
          {...form.getInputProps('closeReason')}
        />
        <Textarea label="Note" autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Close task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
