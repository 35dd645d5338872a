import { Anchor, Button, Card, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { formatDate, formatMoney } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { useAccount } from '../../accounts/api';
import { useOpportunities } from './api';
import { StageBadge, TechnicalWinBadge } from './OpportunityBadges';
import { OpportunityFormModal } from './OpportunityFormModal';

/** The account's deals, open ones first (soonest close), with stage, ARR and technical win. */
export function AccountOpportunitiesCard({ accountId }: { accountId: string }) {
  const { can } = useAuth();
  const navigate = useNavigate();
  const account = useAccount(accountId);
  const deals = useOpportunities({ accountId, sort: 'close_date', limit: 50 });
  const [creating, setCreating] = useState(false);
  const items = [...(deals.data?.items ?? [])].sort((a, b) => Number(b.open) - Number(a.open));
  const openArr = items.filter((o) => o.open).reduce((sum, o) => sum + o.arr, 0);
  return (
    <Card withBorder component="section" aria-label="Opportunities">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Title order={3} size="h5">
            Opportunities
          </Title>
          {items.some((o) => o.open) && (
            <Text size="xs" c="dimmed">
              Open pipeline {formatMoney(openArr)}
            </Text>
          )}
        </Stack>
        {can('presales.write') && account.data && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
            New opportunity
          </Button>
        )}
      </Group>
      {deals.isError && <QueryError error={deals.error} onRetry={() => void deals.refetch()} />}
      {deals.isPending && <Skeleton height={48} />}
      {deals.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No opportunity on this account yet.
        </Text>
      )}
      <Stack gap="xs">
        {items.map((o, i) => (
          <Fragment key={o.id}>
            {i > 0 && <Divider />}
            <Stack gap={4} component="article" aria-label={o.name}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/presales/opportunities/${o.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {o.name}
                </Anchor>
                <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
                  {formatMoney(o.arr)}
                </Text>
              </Group>
              <Group gap={6} wrap="wrap">
                <StageBadge stage={o.stage} size="xs" />
                <TechnicalWinBadge status={o.technicalWin} size="xs" />
                <Text size="xs" c="dimmed">
                  {o.open ? `Closes ${formatDate(o.closeDate)}` : `Closed ${formatDate(o.closedAt)}`}
                  {o.salesEngineer ? ` · SE ${o.salesEngineer.name}` : ''}
                </Text>
              </Group>
            </Stack>
          </Fragment>
        ))}
      </Stack>
      {account.data && (
        <OpportunityFormModal
          opened={creating}
          onClose={() => setCreating(false)}
          account={{ id: account.data.id, name: account.data.name }}
          onSaved={(o) => navigate(`/presales/opportunities/${o.id}`)}
        />
      )}
    </Card>
  );
}
