import { Anchor, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAuth } from '../../lib/auth';
import { notifyError } from '../../ui/server-errors';
import { useEngagements } from '../delivery/engagements/api';
import { EngagementStatusBadge, GoLiveCell } from '../delivery/engagements/EngagementBadges';
import { useAccountEnvironments } from '../delivery/environments/api';
import { BehindBadge } from '../delivery/environments/parts';
import { useUpdateTicket, type Ticket } from './api';

const IN_FLIGHT = new Set(['planned', 'active', 'at_risk', 'on_hold']);

/**
 * What the customer runs and what is being delivered to them, beside the case: the environment the
 * ticket is about (chosen here, so Tier 2 sees version and how far behind it is) and the
 * engagements in flight on the account.
 */
export function TicketDeliveryCard({ ticket }: { ticket: Ticket }) {
  const { can } = useAuth();
  const environments = useAccountEnvironments(ticket.account.id);
  const engagements = useEngagements({ accountId: ticket.account.id, limit: 20 }, can('accounts.read'));
  const update = useUpdateTicket(ticket.id);
  if (!can('accounts.read')) return null;

  const envs = (environments.data ?? []).filter((e) => e.status === 'active' || e.id === ticket.deploymentId);
  const current = envs.find((e) => e.id === ticket.deploymentId) ?? null;
  const live = (engagements.data?.items ?? []).filter((e) => IN_FLIGHT.has(e.status));
  const editable = can('tickets.write') && ticket.status !== 'closed';

  return (
    <Card component="section" aria-label="Delivery context">
      <Title order={5} mb="sm">
        Environment and projects
      </Title>
      <Stack gap="sm">
        {editable ? (
          <Select
            label="Environment"
            placeholder={envs.length ? 'Which environment is this about?' : 'No environments registered'}
            clearable
            data={envs.map((e) => ({ value: e.id, label: `${e.name} · ${e.product} ${e.version}` }))}
            value={ticket.deploymentId}
            onChange={(v) =>
              v !== ticket.deploymentId &&
              update.mutate({ deploymentId: v }, { onError: (error) => notifyError(error, 'The environment was not saved') })
            }
            disabled={update.isPending || envs.length === 0}
          />
        ) : (
          <Text size="sm">{current ? `${current.name} · ${current.product} ${current.version}` : 'No environment named'}</Text>
        )}
        {current && (
          <Group gap="xs">
            <BehindBadge behind={current.versionsBehind} latest={current.latestVersion} />
            <Anchor component={Link} to={`/environments/${current.id}`} size="sm">
              Open environment
            </Anchor>
          </Group>
        )}
        <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt="xs">
          Engagements in flight
        </Text>
        {live.length === 0 ? (
          <Text size="sm" c="dimmed">
            None on this account.
          </Text>
        ) : (
          live.map((e) => (
            <Stack key={e.id} gap={2}>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/engagements/${e.id}`} size="sm" lineClamp={1}>
                  {e.name}
                </Anchor>
                <EngagementStatusBadge status={e.status} size="sm" />
              </Group>
              <GoLiveCell target={e.targetGoLiveDate} projected={e.projectedGoLiveDate} actual={e.actualGoLiveDate} slipDays={e.slipDays} />
            </Stack>
          ))
        )}
      </Stack>
    </Card>
  );
}
