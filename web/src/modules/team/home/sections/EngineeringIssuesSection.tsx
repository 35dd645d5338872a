import { Badge } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import { useEngineeringIssues } from '../../../feedback/engineering/api';
import { SEVERITY_COLORS } from '../../../feedback/engineering/labels';
import { HOME_ROWS, HomeRow, HomeSection, countOf } from '../HomeSection';

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** Open engineering issues, the most severe and most reported first. */
export function EngineeringIssuesSection() {
  const issues = useEngineeringIssues({ status: 'open' });
  const items = [...(issues.data?.items ?? [])].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.ticketCount - a.ticketCount,
  );
  return (
    <HomeSection
      title="Engineering issues"
      count={countOf(items.length, Boolean(issues.data?.nextCursor))}
      seeAll="/engineering-issues"
      loading={issues.isPending}
      error={issues.error}
      onRetry={() => void issues.refetch()}
      empty={
        items.length === 0
          ? {
              icon: <IconBug size={18} />,
              title: 'No open engineering issues',
              description: 'Defects escalated from customer cases show here by severity and the number of tickets waiting on them.',
            }
          : null
      }
    >
      {items.slice(0, HOME_ROWS).map((i) => (
        <HomeRow
          key={i.id}
          to={`/engineering-issues/${i.id}`}
          name={`${i.key} ${i.title}`}
          detail={`${i.ticketCount} ticket${i.ticketCount === 1 ? '' : 's'} waiting${i.fixRelease ? ` · fix in ${i.fixRelease}` : ''}`}
          badge={
            <Badge size="sm" variant="light" color={SEVERITY_COLORS[i.severity]}>
              {i.severity}
            </Badge>
          }
        />
      ))}
    </HomeSection>
  );
}
