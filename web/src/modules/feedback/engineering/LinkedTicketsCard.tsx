import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { formatDateTime } from '../../../ui/format';
import { notifyError } from '../../../ui/server-errors';
import { useUnlinkTicket, type EngineeringIssue } from './api';
import { DraftedReply } from './DraftedReply';

/** One bug, many tickets: each linked ticket with its account and the fix reply drafted for it. */
export function LinkedTicketsCard({ issue }: { issue: EngineeringIssue }) {
  const { can } = useAuth();
  const unlink = useUnlinkTicket(issue.id);
  return (
    <Card component="section" aria-label="Linked tickets">
      <Title order={5} mb="sm">
        Linked tickets ({issue.tickets.length})
      </Title>
      {issue.tickets.length === 0 && (
        <Text size="sm" c="dimmed">
          No tickets yet: escalating a ticket to engineering links it here.
        </Text>
      )}
      <Stack gap="md">
        {issue.tickets.map((t) => (
          <Stack key={t.id} gap={6}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Anchor component={Link} to={`/tickets/${t.id}`} size="sm" fw={600}>
                  #{t.number} {t.subject}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t.account.name}
                  {t.replySentAt && ` · customer told ${formatDateTime(t.replySentAt)}`}
                </Text>
              </div>
              <Group gap="xs">
                <Badge variant="light" color="gray">
                  {t.status}
                </Badge>
                {can('feedback.write') && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => unlink.mutate(t.id, { onError: (e) => notifyError(e, 'The ticket was not unlinked') })}
                  >
                    Unlink
                  </Button>
                )}
              </Group>
            </Group>
            {t.draftedReply && <DraftedReply issueId={issue.id} ticketId={t.id} text={t.draftedReply} />}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
