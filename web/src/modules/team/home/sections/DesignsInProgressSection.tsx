import { useEffect } from 'react';
import { Badge } from '@mantine/core';
import { IconSitemap } from '@tabler/icons-react';
import type { Opportunity } from '../../../presales/opportunities/api';
import { useOpportunities } from '../../../presales/opportunities/api';
import { useDesigns } from '../../../presales/solutions/api';
import { fromNow } from '../../../../ui/format';
import { HOME_ROWS, HomeRow, HomeSection } from '../HomeSection';
import { useRowCounts } from './use-row-counts';

/** Solution designs on the open deals this architect is on: the latest version and what is still uncovered. */
export function DesignsInProgressSection({ memberId }: { memberId: string }) {
  const deals = useOpportunities({ solutionsArchitectId: memberId, open: 'true', limit: HOME_ROWS });
  const items = deals.data?.items ?? [];
  const counts = useRowCounts(items.map((o) => o.id));
  return (
    <HomeSection
      title="Designs in progress"
      count={counts.total}
      seeAll={`/presales/opportunities?solutionsArchitectId=${memberId}`}
      loading={deals.isPending}
      error={deals.error}
      onRetry={() => void deals.refetch()}
      empty={
        items.length === 0
          ? {
              icon: <IconSitemap size={18} />,
              title: 'No designs in progress',
              description:
                'Solution designs of the open deals that name you as architect show here, with the requirements they leave uncovered.',
            }
          : null
      }
    >
      {items.map((o) => (
        <DealDesign key={o.id} deal={o} report={counts.report} />
      ))}
    </HomeSection>
  );
}

function DealDesign({ deal, report }: { deal: Opportunity; report: (key: string, value: number) => void }) {
  const designs = useDesigns(deal.id);
  const list = designs.data?.items ?? [];
  const latest = [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const coverage = designs.data?.coverage;
  const uncovered = coverage ? coverage.requirements - coverage.covered : 0;
  useEffect(() => {
    if (designs.data) report(deal.id, designs.data.items.length);
  }, [deal.id, designs.data, report]);
  return (
    <HomeRow
      to={`/presales/opportunities/${deal.id}?tab=design`}
      name={latest ? `${latest.title} (v${latest.version})` : deal.name}
      detail={
        latest
          ? `${deal.name} · ${deal.account.name} · updated ${fromNow(latest.updatedAt)}`
          : designs.isPending
            ? deal.account.name
            : `${deal.account.name} · no design yet`
      }
      badge={
        coverage &&
        coverage.requirements > 0 && (
          <Badge size="sm" variant="light" color={uncovered > 0 ? 'orange' : 'teal'}>
            {uncovered > 0 ? `${uncovered} uncovered` : 'All covered'}
          </Badge>
        )
      }
    />
  );
}
