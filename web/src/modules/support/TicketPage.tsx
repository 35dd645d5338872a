import { useState } from 'react';
import { Alert, Anchor, Badge, Card, Grid, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api-client';
import { useAuth } from '../../lib/auth';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { useLiveTicketUpdates } from './use-live-ticket-updates';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { fromNow } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { AccountContextCard } from './AccountContextCard';
import { TicketDeliveryCard } from './TicketDeliveryCard';
import { useEscalations, useTicket } from './api';
import { Conversation } from './Conversation';
import { EscalateModal } from './EscalateModal';
import { EscalationsList } from './EscalationsList';
import { TicketEngineeringIssuesCard } from '../feedback/engineering/TicketEngineeringIssuesCard';
import { TIER_LABELS } from './labels';
import { CsatCard } from './CsatCard';
import { ReplyComposer } from './ReplyComposer';
import { RunbookPanel } from './RunbookPanel';
import { TimeTrackingCard } from './TimeTrackingCard';
import { TicketFilesCard } from './attachments';
import { TicketKnowledgeCard } from './knowledge/TicketKnowledgeCard';
import { IconStairsUp } from '@tabler/icons-react';
import { TicketHeader } from './TicketHeader';
import { TicketHistory } from './TicketHistory';
import { TicketProperties } from './TicketProperties';
import { useNow } from './use-now';
import { CaptureFeedbackButton } from '../feedback/items/CaptureFeedback';

type Tab = 'conversation' | 'escalations' | 'history';

export function TicketPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const detail = useTicket(id);
  const escalations = useEscalations(id);
  const now = useNow();
  const live = useLiveTicketUpdates();
  const [tab, setTab] = useState<Tab>('conversation');
  const [escalateOpen, escalate] = useDisclosure();

  if (detail.isPending) {
    return (
      <Stack>
        <Skeleton height={170} radius="md" />
        <Grid>
          <Grid.Col span={{ base: 12, lg: 3 }}>
            <Skeleton height={400} radius="md" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Skeleton height={400} radius="md" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 3 }}>
            <Skeleton height={400} radius="md" />
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }
  if (detail.isError) {
    if (detail.error instanceof ApiError && detail.error.status === 404) return <NotFoundPage />;
    return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }

  const { ticket, messages, account, recentTickets } = detail.data;
  const latest = escalations.data?.at(-1);
  const canReply = can('tickets.write') && ticket.status !== 'closed';

  return (
    <Stack gap="lg">
      <Group justify="flex-end" mb={-12}>
        <LiveIndicator live={live} />
      </Group>
      <TicketHeader ticket={ticket} now={now} onEscalate={escalate.open} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }} order={{ base: 2, lg: 1 }}>
          <Stack gap="lg">
            <TicketProperties ticket={ticket} />
            <TimeTrackingCard ticketId={ticket.id} />
            <TicketFilesCard ticketId={ticket.id} canUpload={can('tickets.write')} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }} order={{ base: 1, lg: 2 }}>
          <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'conversation')} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="conversation">Conversation</Tabs.Tab>
              <Tabs.Tab
                value="escalations"
                rightSection={
                  escalations.data?.length ? (
                    <Badge size="xs" variant="filled" color="violet" circle>
                      {escalations.data.length}
                    </Badge>
                  ) : null
                }
              >
                Escalations
              </Tabs.Tab>
              <Tabs.Tab value="history">History</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="conversation">
              <Stack gap="md">
                {latest && (
                  <Alert
                    variant="light"
                    color="violet"
                    icon={<IconStairsUp size={18} />}
                    title={`Escalated to ${TIER_LABELS[latest.toTier]} ${fromNow(latest.at)} by ${latest.actor.name}`}
                  >
                    <Text size="sm">{latest.reason}</Text>
                    <Anchor component="button" size="sm" onClick={() => setTab('escalations')}>
                      See what was tried
                    </Anchor>
                  </Alert>
                )}
                <CaptureFeedbackButton
                  placement="bar"
                  sourceType="ticket"
                  sourceId={ticket.id}
                  accountId={ticket.account.id}
                  contacts={[ticket.requester]}
                  defaultTitle={ticket.subject}
                  defaultQuote={messages.findLast((m) => m.author.type === 'contact')?.body}
                />
                <Conversation messages={messages} />
                {canReply ? (
                  <ReplyComposer ticket={ticket} />
                ) : (
                  <Card>
                    <Text size="sm" c="dimmed">
                      {ticket.status === 'closed'
                        ? 'This ticket is closed; a follow-up needs a new ticket.'
                        : 'You can read this ticket; replying needs a support role.'}
                    </Text>
                  </Card>
                )}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="escalations">
              <EscalationsList escalations={escalations} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <Card>
                <TicketHistory ticketId={ticket.id} />
              </Card>
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 3 }} order={{ base: 3 }}>
          <Stack gap="lg">
            <TicketEngineeringIssuesCard ticketId={ticket.id} />
            <RunbookPanel ticket={ticket} onEscalate={escalate.open} />
            <TicketKnowledgeCard ticketId={ticket.id} />
            <CsatCard ticketId={ticket.id} />
            <AccountContextCard account={account} recentTickets={recentTickets} />
            <TicketDeliveryCard ticket={ticket} />
          </Stack>
        </Grid.Col>
      </Grid>
      <EscalateModal ticket={ticket} opened={escalateOpen} onClose={escalate.close} />
    </Stack>
  );
}
