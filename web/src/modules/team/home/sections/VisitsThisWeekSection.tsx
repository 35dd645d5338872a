import { Badge, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useFieldVisitList } from '../../../delivery/records/api';
import { formatDate } from '../../../../ui/format';
import { HOME_ROWS, HomeRow, HomeSection, countOf } from '../HomeSection';

/** A week around today: the visits just made (reports to write) and those coming up (checklists to prepare). */
const DAYS_EITHER_SIDE = 7;

/** The field engineer's site visits this week, soonest first, with what is left on each checklist. */
export function VisitsThisWeekSection() {
  const today = dayjs();
  const visits = useFieldVisitList({
    engineerId: 'me',
    from: today.subtract(DAYS_EITHER_SIDE, 'day').format('YYYY-MM-DD'),
    to: today.add(DAYS_EITHER_SIDE, 'day').format('YYYY-MM-DD'),
    limit: 20,
  });
  const items = visits.data?.items ?? [];
  return (
    <HomeSection
      title="Visits this week"
      count={countOf(items.length, Boolean(visits.data?.nextCursor))}
      seeAll="/engagements?kind=field_visit"
      loading={visits.isPending}
      error={visits.error}
      onRetry={() => void visits.refetch()}
      empty={
        items.length === 0
          ? {
              icon: <IconMapPin size={18} />,
              title: 'No site visits this week',
              description: 'Visits planned on an account with you as the engineer show here a week ahead, with their checklists.',
            }
          : null
      }
    >
      {items.slice(0, HOME_ROWS).map((v) => {
        const done = v.checklist.filter((c) => c.done).length;
        const open = v.checklist.filter((c) => !c.done).map((c) => c.label);
        return (
          <HomeRow
            key={v.id}
            to={`/accounts/${v.accountId}`}
            name={v.purpose}
            detail={
              <>
                {formatDate(v.visitDate)} · {v.siteAddress}
                {v.checklist.length > 0 && (
                  <Text span size="xs" c="dimmed" display="block">
                    Checklist {done}/{v.checklist.length}
                    {open.length > 0 ? ` · to do: ${open.slice(0, 3).join(', ')}${open.length > 3 ? '…' : ''}` : ' · all ticked'}
                  </Text>
                )}
              </>
            }
            badge={
              <Badge size="sm" variant="light" color={v.status === 'completed' ? 'teal' : 'blue'}>
                {v.status === 'completed' ? 'Done' : 'Planned'}
              </Badge>
            }
          />
        );
      })}
    </HomeSection>
  );
}
