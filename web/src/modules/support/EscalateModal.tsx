import { Alert, Button, Group, Modal, Select, SimpleGrid, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { useEscalate, useEscalationDraft, useGroups, type Ticket } from './api';
import { TIER_LABELS, TIERS, type Tier } from './labels';
import { QueryError } from '../../ui/QueryError';
import { useState } from 'react';
import { useEngineeringEscalation } from '../feedback/engineering/api';
import { EMPTY_CHOICE, EngineeringIssueChoice, issuePart } from '../feedback/engineering/EngineeringIssueChoice';

const FIELDS = ['toTier', 'reason', 'summary', 'engineeringLink', 'groupId'] as const;

interface Props {
  ticket: Ticket;
  opened: boolean;
  onClose: () => void;
}

export function EscalateModal({ ticket, opened, onClose }: Props) {
  const draft = useEscalationDraft(ticket.id, opened);
  return (
    <Modal opened={opened} onClose={onClose} title={`Escalate #${ticket.number}`} size="xl" centered>
      {draft.isPending && <Skeleton height={380} />}
      {draft.isError && <QueryError error={draft.error} onRetry={() => void draft.refetch()} />}
      {draft.isSuccess && <EscalateForm ticket={ticket} summary={draft.data.summary} onClose={onClose} />}
    </Modal>
  );
}

/** The next tier up is the usual move; from engineering, back to Tier 2. */
function suggestedTier(tier: Tier): Tier {
  return tier === 'tier1' ? 'tier2' : tier === 'tier2' ? 'engineering' : 'tier2';
}

function EscalateForm({ ticket, summary, onClose }: { ticket: Ticket; summary: string; onClose: () => void }) {
  const escalate = useEscalate(ticket.id);
  // Escalating to engineering creates or links an engineering issue (feedback module) instead of a bare link.
  const toEngineering = useEngineeringEscalation(ticket.id);
  const [issue, setIssue] = useState(EMPTY_CHOICE);
  const [issueError, setIssueError] = useState<string | null>(null);
  const groups = useGroups();
  const groupFor = (tier: Tier) => groups.data?.find((g) => g.tier === tier)?.id ?? null;
  const initialTier = suggestedTier(ticket.tier);
  const form = useForm({
    initialValues: {
      toTier: initialTier as Tier,
      reason: '',
      summary,
      engineeringLink: ticket.engineeringLink ?? '',
      groupId: groupFor(initialTier),
    },
    validate: {
      reason: (v) => (v.trim().length >= 3 ? null : 'Say why the case is escalated'),
      summary: (v) => (v.trim().length >= 3 ? null : 'Summarise what was tried'),
    },
  });
  const engineering = form.values.toTier === 'engineering';
  const groupOptions = (groups.data ?? []).map((g) => ({ value: g.id, label: `${g.name} (${TIER_LABELS[g.tier]})` }));

  const submit = (values: typeof form.values) => {
    if (values.toTier === 'engineering') {
      const part = issuePart(issue);
      if (typeof part === 'string') return setIssueError(part);
      setIssueError(null);
      return toEngineering.mutate(
        { reason: values.reason.trim(), summary: values.summary.trim(), groupId: values.groupId, ...part },
        {
          onSuccess: (result) => {
            notifySuccess(`Escalated to engineering as ${result.issue.key}.`);
            onClose();
          },
          onError: (error) => showServerErrors(form, error, FIELDS),
        },
      );
    }
    escalate.mutate(
      {
        toTier: values.toTier,
        reason: values.reason.trim(),
        summary: values.summary.trim(),
        engineeringLink: values.engineeringLink.trim() || undefined,
        groupId: values.groupId,
      },
      {
        onSuccess: () => {
          notifySuccess(`Escalated to ${TIER_LABELS[values.toTier]}.`);
          onClose();
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    );
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          The next tier gets the case with your reason and a summary of what was tried, so nobody asks the customer again.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Escalate to"
            withAsterisk
            allowDeselect={false}
            data={TIERS.filter((t) => t !== ticket.tier).map((t) => ({ value: t, label: TIER_LABELS[t] }))}
            {...form.getInputProps('toTier')}
            onChange={(value) => {
              if (!value) return;
              form.setFieldValue('toTier', value as Tier);
              form.setFieldValue('groupId', groupFor(value as Tier));
              form.clearFieldError('engineeringLink');
            }}
          />
          <Select label="Group" placeholder="No group" clearable data={groupOptions} {...form.getInputProps('groupId')} />
        </SimpleGrid>
        {engineering && (
          <>
            <EngineeringIssueChoice ticketId={ticket.id} value={issue} onChange={setIssue} />
            {issueError && (
              <Text size="sm" c="red" role="alert">
                {issueError}
              </Text>
            )}
          </>
        )}
        <Textarea
          label="Reason"
          withAsterisk
          placeholder="Why this needs the next tier"
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Textarea
          label="Summary of what was tried"
          withAsterisk
          description="Pre-filled from the ticket: time in tier, runbook steps, time logged and internal notes. Edit freely."
          autosize
          minRows={8}
          maxRows={18}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          {...form.getInputProps('summary')}
        />
        {ticket.tier === 'engineering' && (
          <Alert variant="light" color="gray">
            This ticket is with engineering; escalating moves it back to a support tier.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="violet" loading={escalate.isPending || toEngineering.isPending}>
            Escalate to {TIER_LABELS[form.values.toTier]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
