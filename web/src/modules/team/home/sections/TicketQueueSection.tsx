import { Badge } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useTickets, useViews } from '../../../support/api';
import { PRIORITY_COLORS, PRIORITY_LABELS } from '../../../support/labels';
import { SlaBadge } from '../../../support/SlaBadge';
import { useNow } from '../../../support/use-now';
import { HOME_ROWS, HomeRow, HomeSection, countOf } from '../HomeSection';

interface Props {
  title: string;
  /** A shared ticket view (src/modules/support/queues/views.ts): the queue and its "see all". */
  viewId: string;
  emptyTitle: string;
  emptyDescription: string;
}

/** A ticket queue, nearest SLA due first, as the tickets screen orders it. */
export function TicketQueueSection({ title, viewId, emptyTitle, emptyDescription }: Props) {
  const tickets = useTickets({ view: viewId, limit: HOME_ROWS });
  const views = useViews();
  const now = useNow();
  const items = tickets.data?.items ?? [];
  const viewCount = views.data?.find((v) => v.id === viewId)?.count;
  return (
    <HomeSection
      title={title}
      count={viewCount ?? countOf(items.length, Boolean(tickets.data?.nextCursor))}
      seeAll={`/tickets?view=${viewId}`}
      loading={tickets.isPending}
      error={tickets.error}
      onRetry={() => void tickets.refetch()}
      empty={items.length === 0 ? { icon: <IconInbox size={18} />, title: emptyTitle, description: emptyDescription } : null}
    >
      {items.map((t) => (
        <HomeRow
          key={t.id}
          to={`/tickets/${t.id}`}
          name={t.subject}
          detail={
            <>
              #{t.number} · {t.account.name} ·{' '}
              <Badge component="span" size="xs" variant="light" color={PRIORITY_COLORS[t.priority]}>
                {PRIORITY_LABELS[t.priority]}
              </Badge>
            </>
          }
          badge={<SlaBadge sla={t.sla} now={now} size="sm" />}
        />
      ))}
    </HomeSection>
  );
}
