import { SegmentedControl } from '@mantine/core';
import { useAuth } from '../../../lib/auth';
import { notifyError } from '../../../ui/server-errors';
import { useUpdateTask, type Task } from './api';
import { TASK_STATUS_LABELS, TASK_STATUSES, type TaskStatus } from './labels';

/**
 * To do / in progress / done. A blocked task may still be clicked: the server refuses to start it
 * and its message (which names what blocks it) is shown, so the rule lives in one place.
 */
export function TaskStatusControl({ task, size = 'xs' }: { task: Pick<Task, 'id' | 'title' | 'status'>; size?: 'xs' | 'sm' }) {
  const { can } = useAuth();
  const update = useUpdateTask();
  return (
    <SegmentedControl
      size={size}
      aria-label={`Status of ${task.title}`}
      value={update.isPending && update.variables?.status ? update.variables.status : task.status}
      readOnly={!can('delivery.write') || update.isPending}
      data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
      onChange={(value) =>
        update.mutate(
          { id: task.id, status: value as TaskStatus },
          { onError: (error) => notifyError(error, 'The task’s status did not change') },
        )
      }
    />
  );
}
