import { useEffect } from 'react';
import { Badge } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import type { Opportunity } from '../../../presales/opportunities/api';
import { useOpportunities } from '../../../presales/opportunities/api';
import { useRequirements } from '../../../presales/solutions/api';
import { HOME_ROWS, HomeRow, HomeSection } from '../HomeSection';
import { useRowCounts } from './use-row-counts';

/** The open deals this architect is on, each with the requirements still to assess for fit. */
export function RequirementsToAssessSection({ memberId }: { memberId: string }) {
  const deals = useOpportunities({ solutionsArchitectId: memberId, open: 'true', limit: HOME_ROWS });
  const items = deals.data?.items ?? [];
  const counts = useRowCounts(items.map((o) => o.id));
  return (
    <HomeSection
      title="Requirements to assess"
      count={counts.total}
      seeAll={`/presales/opportunities?solutionsArchitectId=${memberId}`}
      loading={deals.isPending}
      error={deals.error}
      onRetry={() => void deals.refetch()}
      empty={
        items.length === 0
          ? {
              icon: <IconClipboardList size={18} />,
              title: 'No open deals name you as architect',
              description: 'When a deal names you as its solutions architect, its requirements to assess show here.',
            }
          : null
      }
    >
      {items.map((o) => (
        <DealRequirements key={o.id} deal={o} report={counts.report} />
      ))}
    </HomeSection>
  );
}

function DealRequirements({ deal, report }: { deal: Opportunity; report: (key: string, value: number) => void }) {
  const requirements = useRequirements(deal.id, {});
  const summary = requirements.data?.summary;
  const toAssess = summary ? summary.total - summary.assessed : undefined;
  useEffect(() => {
    if (toAssess !== undefined) report(deal.id, toAssess);
  }, [deal.id, toAssess, report]);
  return (
    <HomeRow
      to={`/presales/opportunities/${deal.id}?tab=requirements`}
      name={deal.name}
      detail={
        summary && summary.total > 0
          ? `${deal.account.name} · ${summary.assessed} of ${summary.total} assessed${summary.mustGaps ? ` · ${summary.mustGaps} must-have gaps` : ''}`
          : `${deal.account.name}${summary ? ' · no requirements captured yet' : ''}`
      }
      badge={
        summary && (
          <Badge size="sm" variant="light" color={summary.total === 0 ? 'gray' : toAssess ? 'orange' : 'teal'}>
            {summary.total === 0 ? 'None captured' : toAssess ? `${toAssess} to assess` : 'All assessed'}
          </Badge>
        )
      }
    />
  );
}
