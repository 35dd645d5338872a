import { useState } from 'react';
import { Badge, Button, Card, Group, Progress, Stack, Text, Textarea, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useAuth } from '../../lib/auth';
import { IconCheck, IconX } from '@tabler/icons-react';
import { notifyError, notifySuccess } from '../../ui/server-errors';
import type { Ticket } from './api';
import { IconListCheck } from '@tabler/icons-react';
import {
  useFinishRun,
  useRecordStep,
  useRunbookRuns,
  useStartRun,
  useSuggestedRunbooks,
  type RunbookRun,
  type StepOutcome,
} from './workbench-api';

const OUTCOME_COLORS: Record<StepOutcome, string> = { done: 'teal', failed: 'red', skipped: 'gray' };

/**
 * Guided runbooks: the scripts suggested for this case, and the run in progress one step at a
 * time. Steps done land in the escalation summary, so Tier 2 never repeats them.
 */
export function RunbookPanel({ ticket, onEscalate }: { ticket: Ticket; onEscalate: () => void }) {
  const { can } = useAuth();
  const runs = useRunbookRuns(ticket.id);
  const suggestions = useSuggestedRunbooks(ticket.id);
  const start = useStartRun(ticket.id);
  const active = runs.data?.find((r) => r.status === 'in_progress');
  const finished = runs.data?.filter((r) => r.status !== 'in_progress') ?? [];
  const writable = can('tickets.write') && ticket.status !== 'closed';

  if (!active && !suggestions.data?.length && finished.length === 0) return null;

  return (
    <Card component="section" aria-label="Runbooks">
      <Group gap="xs" mb="sm">
        <IconListCheck size={18} />
        <Title order={5}>Runbooks</Title>
      </Group>
      {active ? (
        <GuidedRun run={active} ticketId={ticket.id} writable={writable} onEscalate={onEscalate} />
      ) : (
        <Stack gap="xs">
          {(suggestions.data ?? []).slice(0, 3).map((s) => (
            <Card key={s.runbook.id} withBorder padding="sm" bg="gray.0" role="group" aria-label={s.runbook.title}>
              <Text size="sm" fw={600}>
                {s.runbook.title}
              </Text>
              <Text size="xs" c="dimmed">
                {s.runbook.steps.length} steps · matched{' '}
                {[...s.matchedTags.map((t) => `#${t}`), ...s.matchedKeywords.map((k) => `“${k}”`)].join(', ') || 'this ticket'}
              </Text>
              {writable && (
                <Button
                  size="compact-sm"
                  mt={6}
                  variant="light"
                  loading={start.isPending && start.variables === s.runbook.id}
                  onClick={() => start.mutate(s.runbook.id, { onError: (e) => notifyError(e) })}
                >
                  Start runbook
                </Button>
              )}
            </Card>
          ))}
        </Stack>
      )}
      {finished.length > 0 && (
        <Stack gap={4} mt="sm">
          {finished.map((r) => (
            <Group key={r.id} gap={6} justify="space-between" wrap="nowrap">
              <Text size="xs" lineClamp={1}>
                {r.title}
              </Text>
              <Badge size="xs" variant="light" color={r.status === 'resolved' ? 'teal' : 'violet'}>
                {r.status === 'resolved' ? 'Resolved' : 'Escalated'}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function GuidedRun({
  run,
  ticketId,
  writable,
  onEscalate,
}: {
  run: RunbookRun;
  ticketId: string;
  writable: boolean;
  onEscalate: () => void;
}) {
  const record = useRecordStep(ticketId);
  const finish = useFinishRun(ticketId);
  const [input, setInput] = useState('');
  const [note, setNote] = useState('');
  const [reply, setReply] = useState('');
  const recorded = run.steps.filter((s) => s.outcome !== null).length;
  const current = run.nextStepIndex === null ? null : run.steps[run.nextStepIndex];

  const submitStep = (outcome: StepOutcome) => {
    if (!current) return;
    record.mutate(
      { runId: run.id, index: current.index, outcome, input: input.trim() || undefined, note: note.trim() || undefined },
      {
        onSuccess: () => {
          setInput('');
          setNote('');
        },
        onError: (e) => notifyError(e),
      },
    );
  };

  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={600}>
          {run.title}
        </Text>
        <Text size="xs" c="dimmed">
          Step {Math.min(recorded + 1, run.steps.length)} of {run.steps.length}
        </Text>
        <Progress value={(recorded / run.steps.length) * 100} size="sm" mt={4} aria-label="Runbook progress" />
      </div>
      <Stack gap={6} role="list" aria-label="Runbook steps">
        {run.steps.map((step) => (
          <Group key={step.index} gap={8} wrap="nowrap" align="flex-start" role="listitem">
            <ThemeIcon
              size={20}
              radius="xl"
              variant={step.outcome ? 'filled' : 'light'}
              color={step.outcome ? OUTCOME_COLORS[step.outcome] : step.index === run.nextStepIndex ? 'indigo' : 'gray'}
            >
              {step.outcome === 'failed' ? (
                <IconX size={12} />
              ) : step.outcome ? (
                <IconCheck size={12} />
              ) : (
                <Text size="xs">{step.index + 1}</Text>
              )}
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={step.index === run.nextStepIndex ? 600 : 400} c={step.outcome === 'skipped' ? 'dimmed' : undefined}>
                {step.instruction}
              </Text>
              {step.input && (
                <Text size="xs" c="dimmed">
                  {step.inputLabel}: {step.input}
                </Text>
              )}
              {step.note && (
                <Text size="xs" c="dimmed">
                  {step.note}
                </Text>
              )}
            </div>
          </Group>
        ))}
      </Stack>
      {writable && current && (
        <Card withBorder padding="sm" bg="indigo.0">
          <Stack gap={6}>
            {current.expectedResult && (
              <Text size="xs">
                <Text span fw={600} size="xs">
                  Expect:{' '}
                </Text>
                {current.expectedResult}
              </Text>
            )}
            {current.inputLabel && (
              <TextInput size="xs" label={current.inputLabel} value={input} onChange={(e) => setInput(e.currentTarget.value)} />
            )}
            <Textarea
              size="xs"
              placeholder="Note (optional)"
              aria-label="Step note"
              autosize
              minRows={1}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group gap={6}>
              <Button size="compact-sm" color="teal" onClick={() => submitStep('done')} loading={record.isPending}>
                Done
              </Button>
              <Button size="compact-sm" color="red" variant="light" onClick={() => submitStep('failed')} disabled={record.isPending}>
                Failed
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => submitStep('skipped')} disabled={record.isPending}>
                Skip
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {writable && (
        <Stack gap={6}>
          {current === null && (
            <Textarea
              size="xs"
              label="Resolution reply"
              placeholder="Tell the customer how it was fixed"
              autosize
              minRows={2}
              value={reply}
              onChange={(e) => setReply(e.currentTarget.value)}
            />
          )}
          <Group gap={6}>
            {current === null && (
              <Button
                size="compact-sm"
                // mutateAsync: finishing ends the run, which unmounts this panel before per-call callbacks could run.
                onClick={() =>
                  finish
                    .mutateAsync({ runId: run.id, result: 'resolved', reply: reply.trim() })
                    .then(() => notifySuccess('Reply sent and ticket solved.'), notifyError)
                }
                disabled={!reply.trim()}
                loading={finish.isPending && finish.variables?.result === 'resolved'}
              >
                Resolved: send and solve
              </Button>
            )}
            <Button
              size="compact-sm"
              variant="light"
              color="violet"
              loading={finish.isPending && finish.variables?.result === 'escalate'}
              onClick={() => finish.mutateAsync({ runId: run.id, result: 'escalate' }).then(onEscalate, notifyError)}
            >
              Off script: escalate
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
