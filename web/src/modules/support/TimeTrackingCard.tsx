import { useState } from 'react';
import { ActionIcon, Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useAuth } from '../../lib/auth';
import { formatDuration, fromNow } from '../../ui/format';
import { IconClock } from '@tabler/icons-react';
import { notifyError, notifySuccess } from '../../ui/server-errors';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useNow } from './use-now';
import { useLogTime, useTicketTime, type TimeCategory } from './workbench-api';

const CATEGORY_LABELS: Record<string, string> = { routine: 'Routine', engineering: 'Engineering' };

/** Time on the case: a timer that logs when stopped, or a manual entry; routine vs hands-on engineering. */
export function TimeTrackingCard({ ticketId }: { ticketId: string }) {
  const { can } = useAuth();
  const time = useTicketTime(ticketId);
  const log = useLogTime(ticketId);
  const [category, setCategory] = useState<TimeCategory>('routine');
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [minutes, setMinutes] = useState<number | string>('');
  const [note, setNote] = useState('');
  const now = useNow(1000);
  const running = startedAt !== null;
  const elapsed = running ? Math.floor((now - startedAt) / 1000) : 0;

  const submit = (mins: number, started?: string) =>
    log.mutate(
      { minutes: mins, category, note: note.trim() || undefined, startedAt: started },
      {
        onSuccess: () => {
          notifySuccess(`${formatDuration(mins)} logged.`);
          setMinutes('');
          setNote('');
        },
        onError: (e) => notifyError(e),
      },
    );

  const stop = () => {
    if (startedAt === null) return;
    const mins = Math.max(1, Math.round((Date.now() - startedAt) / 60_000));
    submit(mins, new Date(startedAt).toISOString());
    setStartedAt(null);
  };

  return (
    <Card component="section" aria-label="Time tracking">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconClock size={18} />
          <Title order={5}>Time</Title>
        </Group>
        <Text size="sm" fw={600}>
          {formatDuration(time.data?.totalMinutes ?? 0)}
        </Text>
      </Group>
      {can('tickets.write') && (
        <Stack gap={6}>
          <SegmentedControl
            size="xs"
            fullWidth
            value={category}
            onChange={(v) => setCategory(v as TimeCategory)}
            data={[
              { value: 'routine', label: 'Routine' },
              { value: 'engineering', label: 'Engineering' },
            ]}
          />
          <Group gap={6} wrap="nowrap">
            <Tooltip label={running ? 'Stop and log' : 'Start the timer'} withArrow>
              <ActionIcon
                size="lg"
                variant={running ? 'filled' : 'light'}
                color={running ? 'red' : 'teal'}
                onClick={running ? stop : () => setStartedAt(Date.now())}
                aria-label={running ? 'Stop timer' : 'Start timer'}
              >
                {running ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
              </ActionIcon>
            </Tooltip>
            {running ? (
              <Text size="sm" ff="monospace" aria-label="Timer">
                {String(Math.floor(elapsed / 3600)).padStart(2, '0')}:{String(Math.floor((elapsed % 3600) / 60)).padStart(2, '0')}:
                {String(elapsed % 60).padStart(2, '0')}
              </Text>
            ) : (
              <>
                <NumberInput
                  size="xs"
                  placeholder="Minutes"
                  aria-label="Minutes"
                  min={1}
                  max={1440}
                  allowDecimal={false}
                  value={minutes}
                  onChange={setMinutes}
                  w={90}
                />
                <Button size="xs" variant="default" disabled={!minutes} loading={log.isPending} onClick={() => submit(Number(minutes))}>
                  Log
                </Button>
              </>
            )}
          </Group>
          <TextInput
            size="xs"
            placeholder="What you did (optional)"
            aria-label="Time note"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </Stack>
      )}
      {(time.data?.items.length ?? 0) > 0 && (
        <Stack gap={4} mt="sm">
          {time.data!.items.slice(0, 5).map((entry) => (
            <Group key={entry.id} justify="space-between" gap={6} wrap="nowrap">
              <Text size="xs" lineClamp={1}>
                {entry.member.name} · {CATEGORY_LABELS[entry.category] ?? entry.category}
                {entry.note ? ` · ${entry.note}` : ''}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDuration(entry.minutes)} · {fromNow(entry.startedAt)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
