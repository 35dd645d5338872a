import { Anchor, Button, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { formatDate, formatMoney } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { useOpportunity, type Opportunity } from './api';
import { StageBadge, TechnicalWinBadge } from './OpportunityBadges';
import { OpportunityFormModal } from './OpportunityFormModal';
import { OpportunityOverview } from './OpportunityOverview';
import { OpportunityPocsTab } from '../pocs/OpportunityPocsTab';
import { RequirementsTab } from '../solutions/RequirementsTab';
import { SolutionDesignTab } from '../solutions/SolutionDesignTab';
import { StatementsOfWorkTab } from '../solutions/StatementsOfWorkTab';
import { OpportunityQuestionnairesTab } from '../questionnaires/OpportunityQuestionnairesTab';
import { OpportunityCollateralTab } from '../collateral/OpportunityCollateralTab';

const TABS = [
  { value: 'overview', label: 'Overview', Panel: OpportunityOverview },
  { value: 'pocs', label: 'Proofs of concept', Panel: OpportunityPocsTab },
  { value: 'requirements', label: 'Requirements', Panel: RequirementsTab },
  { value: 'design', label: 'Solution design', Panel: SolutionDesignTab },
  { value: 'sow', label: 'Statements of work', Panel: StatementsOfWorkTab },
  { value: 'questionnaires', label: 'Questionnaires', Panel: OpportunityQuestionnairesTab },
  { value: 'collateral', label: 'Collateral', Panel: OpportunityCollateralTab },
] as const;

/**
 * One deal: its header, and a tab per kind of work on it. The tab is kept in `?tab=` so a link can
 * open a deal's requirements or statement of work directly.
 */
export function OpportunityPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'overview';
  const opportunity = useOpportunity(id);
  return (
    <Stack>
      {opportunity.isError ? (
        <QueryError error={opportunity.error} onRetry={() => void opportunity.refetch()} />
      ) : opportunity.data ? (
        <OpportunityHeader opportunity={opportunity.data} />
      ) : (
        <Stack gap="xs">
          <Skeleton height={32} width="60%" />
          <Skeleton height={20} width="40%" />
        </Stack>
      )}
      <Tabs value={tab} onChange={(value) => setParams({ tab: value ?? 'overview' }, { replace: true })} keepMounted={false}>
        {/* The tab row scrolls on its own on a phone instead of widening the page. */}
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} style={{ flexShrink: 0 }}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <Panel opportunityId={id} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function OpportunityHeader({ opportunity: o }: { opportunity: Opportunity }) {
  const { can } = useAuth();
  const [editOpen, edit] = useDisclosure();
  return (
    <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
      <Stack gap={6} style={{ minWidth: 0 }}>
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {o.name}
        </Title>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/accounts/${o.account.id}`} size="sm">
            {o.account.name}
          </Anchor>
          <StageBadge stage={o.stage} />
          <TechnicalWinBadge status={o.technicalWin} />
        </Group>
        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            <Text span c="dimmed">
              ARR{' '}
            </Text>
            <Text span fw={600} aria-label="ARR">
              {formatMoney(o.arr)}
            </Text>
          </Text>
          <Text size="sm">
            {o.open && !o.closeDate ? (
              <Text span c="dimmed">
                No close date
              </Text>
            ) : (
              <>
                <Text span c="dimmed">
                  {o.open ? 'Closes ' : 'Closed '}
                </Text>
                <Text span fw={600}>
                  {formatDate(o.open ? o.closeDate : (o.closedAt ?? o.closeDate))}
                </Text>
              </>
            )}
          </Text>
        </Group>
      </Stack>
      {can('presales.write') && (
        <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open} style={{ flexShrink: 0 }}>
          Edit
        </Button>
      )}
      <OpportunityFormModal opened={editOpen} onClose={edit.close} opportunity={o} />
    </Group>
  );
}
