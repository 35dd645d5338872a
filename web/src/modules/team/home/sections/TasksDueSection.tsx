import { Badge } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useMyTasks } from '../../../delivery/engagements/api';
import { daysUntil, formatDate } from '../../../../ui/format';
import { HOME_ROWS, HomeRow, HomeSection } from '../HomeSection';

/** The member's open engagement tasks, soonest due first. */
export function TasksDueSection() {
  const tasks = useMyTasks('open');
  const all = [...(tasks.data ?? [])].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <HomeSection
      title="Tasks due"
      count={all.length}
      seeAll="/my-tasks"
      loading={tasks.isPending}
      error={tasks.error}
      onRetry={() => void tasks.refetch()}
      empty={
        all.length === 0
          ? {
              icon: <IconChecklist size={18} />,
              title: 'No open tasks',
              description: 'Tasks of engagement plans that name you as owner show here.',
            }
          : null
      }
    >
      {all.slice(0, HOME_ROWS).map((t) => {
        const days = daysUntil(t.dueDate);
        return (
          <HomeRow
            key={t.id}
            to={`/engagements/${t.engagement.id}`}
            name={t.title}
            detail={`${t.account.name} · ${t.engagement.name} · due ${formatDate(t.dueDate)}`}
            badge={
              <Badge size="sm" variant="light" color={days < 0 ? 'red' : days <= 7 ? 'orange' : 'gray'}>
                {days < 0 ? `${-days} d late` : days === 0 ? 'today' : `${days} d`}
              </Badge>
            }
          />
        );
      })}
    </HomeSection>
  );
}
