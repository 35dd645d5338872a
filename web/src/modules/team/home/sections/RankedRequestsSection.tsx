import { Badge } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useFeatureRequests } from '../../../feedback/requests/api';
import { STATUS_COLORS, STATUS_LABELS } from '../../../feedback/requests/labels';
import { formatMoneyCompact } from '../../../../ui/format';
import { HOME_ROWS, HomeRow, HomeSection } from '../HomeSection';

const CLOSED = new Set(['shipped', 'declined']);

/** Feature requests by score (ARR × impact plus pipeline), those still to decide or build. */
export function RankedRequestsSection() {
  const requests = useFeatureRequests({ sort: 'score', limit: 30 });
  const open = (requests.data?.items ?? []).filter((r) => !CLOSED.has(r.status));
  return (
    <HomeSection
      title="Ranked feature requests"
      count={requests.data?.nextCursor ? `${open.length}+` : open.length}
      seeAll="/feedback/requests"
      loading={requests.isPending}
      error={requests.error}
      onRetry={() => void requests.refetch()}
      empty={
        open.length === 0
          ? {
              icon: <IconBulb size={18} />,
              title: 'No open feature requests',
              description: 'Customer feedback linked to a request ranks it here by the revenue asking for it.',
            }
          : null
      }
    >
      {open.slice(0, HOME_ROWS).map((r, i) => (
        <HomeRow
          key={r.id}
          to={`/feedback/requests/${r.id}`}
          name={`${i + 1}. ${r.title}`}
          detail={`${r.customerCount} customer${r.customerCount === 1 ? '' : 's'} · ${formatMoneyCompact(r.arr)} ARR${
            r.pipelineArr ? ` · ${formatMoneyCompact(r.pipelineArr)} pipeline` : ''
          }${r.productArea ? ` · ${r.productArea}` : ''}`}
          badge={
            <Badge size="sm" variant="light" color={STATUS_COLORS[r.status]}>
              {STATUS_LABELS[r.status]}
            </Badge>
          }
        />
      ))}
    </HomeSection>
  );
}
