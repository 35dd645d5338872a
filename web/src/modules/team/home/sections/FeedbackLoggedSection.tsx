import { Badge } from '@mantine/core';
import { IconMessage2 } from '@tabler/icons-react';
import { useFeedbackItems } from '../../../feedback/items/api';
import { fromNow } from '../../../../ui/format';
import { HOME_ROWS, HomeRow, HomeSection } from '../HomeSection';

// The feedback list has no "captured by" filter: the latest items are read and this member's kept.
const RECENT = 200;

/** Customer feedback this member captured lately, and the request each now counts towards. */
export function FeedbackLoggedSection({ memberId }: { memberId: string }) {
  const feedback = useFeedbackItems({ limit: RECENT });
  const mine = (feedback.data?.items ?? []).filter((f) => f.capturedBy?.id === memberId);
  return (
    <HomeSection
      title="Feedback I logged"
      count={mine.length}
      seeAll="/feedback/inbox"
      loading={feedback.isPending}
      error={feedback.error}
      onRetry={() => void feedback.refetch()}
      empty={
        mine.length === 0
          ? {
              icon: <IconMessage2 size={18} />,
              title: 'No feedback logged lately',
              description:
                'What customers ask for, captured from a ticket, a meeting or by hand, shows here with the request it counts towards.',
            }
          : null
      }
    >
      {mine.slice(0, HOME_ROWS).map((f) => (
        <HomeRow
          key={f.id}
          to={f.request ? `/feedback/requests/${f.request.id}` : '/feedback/inbox'}
          name={f.title}
          detail={`${f.account.name} · ${fromNow(f.createdAt)}${f.request ? ` · ${f.request.title}` : ' · not linked yet'}`}
          badge={
            <Badge size="sm" variant="light" color={f.request ? 'indigo' : 'gray'}>
              {f.request ? 'Linked' : 'Inbox'}
            </Badge>
          }
        />
      ))}
    </HomeSection>
  );
}
