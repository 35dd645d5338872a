import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconLock, IconPlus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { formatDateTime } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifyError } from '../../../ui/server-errors';
import { useCloseRound, useUatRound, type UatCase, type UatRound } from './api';
import { CaseFormModal } from './CaseFormModal';
import { FailuresList } from './FailuresList';
import { InviteContactsModal } from './InviteContactsModal';
import { ResultsGrid } from './ResultsGrid';
import { RoundCases } from './RoundCases';

/** One round in full: sign-off state, cases, testers, the results grid and failures. */
export function RoundPanel({ roundId }: { roundId: string }) {
  const round = useUatRound(roundId);
  if (round.isPending) return <Skeleton height={160} />;
  if (round.isError) return <QueryError error={round.error} onRetry={() => void round.refetch()} />;
  return <RoundBody round={round.data} />;
}

function RoundBody({ round }: { round: UatRound }) {
  const { can } = useAuth();
  const editable = can('feedback.manage') && round.status === 'open';
  const [editing, setEditing] = useState<UatCase | 'new' | null>(null);
  const [inviting, setInviting] = useState(false);
  const close = useCloseRound(round.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap="md">
      <SignOffState round={round} />
      <Group justify="space-between" wrap="wrap">
        <Title order={5}>Test cases</Title>
        {editable && (
          <Group gap="xs">
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
              Add case
            </Button>
            <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={() => setInviting(true)}>
              Invite testers
            </Button>
          </Group>
        )}
      </Group>
      <RoundCases round={round} editable={editable} onEdit={setEditing} />
      <Stack gap={4}>
        <Title order={5}>Testers</Title>
        {round.invitees.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody is invited yet.
          </Text>
        ) : (
          <Group gap="xs">
            {round.invitees.map((i) => (
              <Badge key={i.contact.id} variant="default" tt="none" title={`Invited ${formatDateTime(i.invitedAt)}`}>
                {i.contact.name} · {i.resultCount}/{round.cases.length}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
      <ResultsGrid round={round} />
      <FailuresList failures={round.failures} />
      {can('feedback.manage') && round.status !== 'closed' && (
        <Group justify="flex-end">
          <Button size="xs" variant="subtle" color="gray" leftSection={<IconLock size={14} />} onClick={() => setConfirming(true)}>
            Close round
          </Button>
        </Group>
      )}
      <CaseFormModal
        roundId={round.id}
        editing={editing === 'new' ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <InviteContactsModal round={round} opened={inviting} onClose={() => setInviting(false)} />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Close this round?" centered>
        <Stack>
          <Text size="sm">
            {round.status === 'open'
              ? 'Testers can no longer record results or sign off. Start a new round to test again.'
              : 'The signed-off round is kept as it is.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it open
            </Button>
            <Button
              color="red"
              loading={close.isPending}
              onClick={() => close.mutate(undefined, { onSuccess: () => setConfirming(false), onError: (e) => notifyError(e) })}
            >
              Close round
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function SignOffState({ round }: { round: UatRound }) {
  if (round.signOff) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Signed off by the customer">
        {round.signOff.name}
        {round.signOff.contact && round.signOff.contact.name !== round.signOff.name ? ` (${round.signOff.contact.name})` : ''} on{' '}
        {formatDateTime(round.signOff.at)}
      </Alert>
    );
  }
  if (round.status === 'closed') return <Alert color="gray" variant="light" title="Closed without sign-off" />;
  return (
    <Alert
      color={round.readiness.ready ? 'teal' : 'blue'}
      variant="light"
      title={round.readiness.ready ? 'Ready for sign-off' : 'Not ready for sign-off'}
    >
      {round.readiness.ready
        ? 'Every case passes; a tester can sign the round off in the portal.'
        : `The customer cannot sign off yet: ${round.readiness.reason}`}
    </Alert>
  );
}
