import { Button, Card, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { QueryError } from '../../../ui/QueryError';
import { DEAL_SUPPORT_KIND_LABELS, useOpportunityRequests, type Opportunity } from './api';
import { DueDate } from './DueDate';
import { RequestStatusBadge } from './OpportunityBadges';
import { RequestActions } from './RequestActions';
import { RequestSupportModal } from './RequestSupportModal';

/** The deal's support requests: what was asked of whom, by when, and where each stands. */
export function DealSupportCard({ opportunity }: { opportunity: Opportunity }) {
  const { can } = useAuth();
  const requests = useOpportunityRequests(opportunity.id);
  const [asking, setAsking] = useState(false);
  const canWrite = can('presales.write');
  const items = requests.data ?? [];
  return (
    <Card withBorder component="section" aria-label="Deal support">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Deal support
        </Title>
        {canWrite && opportunity.open && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAsking(true)}>
            Request support
          </Button>
        )}
      </Group>
      {requests.isError && <QueryError error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.isPending && <Skeleton height={48} />}
      {requests.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing asked yet. Request a demo, a PoC, an RFP answer or an architecture review from the pre-sales team.
        </Text>
      )}
      <Stack gap="sm">
        {items.map((r, i) => (
          <Fragment key={r.id}>
            {i > 0 && <Divider />}
            <Stack gap={4} component="article" aria-label={`Request ${r.title}`}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {DEAL_SUPPORT_KIND_LABELS[r.kind]}: {r.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Asked by {r.requestedBy?.name ?? 'someone'} · {r.assignee ? `for ${r.assignee.name}` : 'not assigned'}
                    {r.estimatedHours !== null ? ` · ${r.estimatedHours} h` : ''}
                  </Text>
                </Stack>
                <div style={{ flexShrink: 0 }}>
                  <RequestStatusBadge status={r.status} />
                </div>
              </Group>
              <DueDate date={r.dueDate} overdue={r.overdue} />
              {r.notes && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {r.notes}
                </Text>
              )}
              {r.declineReason && (
                <Text size="sm" c="red">
                  Declined: {r.declineReason}
                </Text>
              )}
              {canWrite && <RequestActions request={r} />}
            </Stack>
          </Fragment>
        ))}
      </Stack>
      <RequestSupportModal opened={asking} onClose={() => setAsking(false)} opportunity={opportunity} />
    </Card>
  );
}
