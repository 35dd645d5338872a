import { IconHeadset } from '@tabler/icons-react';
import { DEAL_SUPPORT_KIND_LABELS, useDealSupportQueue } from '../../../presales/opportunities/api';
import { RequestStatusBadge } from '../../../presales/opportunities/OpportunityBadges';
import { formatDate } from '../../../../ui/format';
import { HOME_ROWS, HomeRow, HomeSection, countOf } from '../HomeSection';

/** Open deal-support requests (demos, PoCs, RFPs, reviews) assigned to or asked by this member. */
export function DealSupportSection() {
  const queue = useDealSupportQueue({ mine: 'true', status: 'open', limit: HOME_ROWS });
  const items = queue.data?.items ?? [];
  return (
    <HomeSection
      title="Deal-support requests"
      count={countOf(items.length, Boolean(queue.data?.nextCursor))}
      seeAll="/presales/deal-support?mine=true"
      loading={queue.isPending}
      error={queue.error}
      onRetry={() => void queue.refetch()}
      empty={
        items.length === 0
          ? {
              icon: <IconHeadset size={18} />,
              title: 'No open deal-support requests',
              description: 'Demos, proofs of concept, RFPs and architecture reviews asked of you or by you show here.',
            }
          : null
      }
    >
      {items.map((r) => (
        <HomeRow
          key={r.id}
          to={`/presales/opportunities/${r.opportunity.id}`}
          name={`${DEAL_SUPPORT_KIND_LABELS[r.kind]}: ${r.title}`}
          detail={`${r.opportunity.accountName} · ${r.opportunity.name}${r.dueDate ? ` · due ${formatDate(r.dueDate)}${r.overdue ? ' (overdue)' : ''}` : ''}`}
          badge={<RequestStatusBadge status={r.status} />}
        />
      ))}
    </HomeSection>
  );
}
