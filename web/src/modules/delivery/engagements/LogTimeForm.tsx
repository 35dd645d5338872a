import { useState } from 'react';
import { Button, Group, NumberInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { formatDuration } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useLogTaskTime } from './api';
import { TIME_CATEGORY_LABELS, type EngagementTimeCategory } from './labels';

/** Time on a task, in minutes or hours; it also becomes the member's own time entry. */
export function LogTimeForm({ taskId }: { taskId: string }) {
  const log = useLogTaskTime(taskId);
  const [amount, setAmount] = useState<number | string>('');
  const [unit, setUnit] = useState<'hours' | 'minutes'>('hours');
  const [category, setCategory] = useState<EngagementTimeCategory>('engineering');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const minutes = Math.round(Number(amount) * (unit === 'hours' ? 60 : 1));
    if (!minutes || minutes < 1) {
      setError('Enter the time spent');
      return;
    }
    setError(null);
    log.mutate(
      { minutes, category, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifySuccess(`${formatDuration(minutes)} logged.`);
          setAmount('');
          setNote('');
        },
        onError: (e) => notifyError(e, 'The time was not logged'),
      },
    );
  };

  return (
    <Stack gap="xs" role="group" aria-label="Log time">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <NumberInput
          label="Time spent"
          min={0}
          decimalScale={unit === 'hours' ? 2 : 0}
          allowNegative={false}
          value={amount}
          onChange={setAmount}
          error={error}
          w={120}
        />
        <SegmentedControl
          aria-label="Unit"
          value={unit}
          onChange={(v) => setUnit(v as 'hours' | 'minutes')}
          data={[
            { value: 'hours', label: 'Hours' },
            { value: 'minutes', label: 'Minutes' },
          ]}
        />
      </Group>
      <SegmentedControl
        aria-label="Category"
        value={category}
        onChange={(v) => setCategory(v as EngagementTimeCategory)}
        data={Object.entries(TIME_CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <TextInput label="Note" placeholder="What you did (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button onClick={submit} loading={log.isPending}>
          Log time
        </Button>
      </Group>
    </Stack>
  );
}
