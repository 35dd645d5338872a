import { SimpleGrid, Text } from '@mantine/core';
import { IconCalendarDue, IconChecklist, IconHourglass, IconRocket } from '@tabler/icons-react';
import { formatDate } from '../../../ui/format';
import { StatCard } from '../../../ui/StatCard';
import type { Engagement, EngagementProgress } from './api';
import { formatHours, SlipText } from './EngagementBadges';

/** The four numbers a lead checks first: hours, tasks, go-live and (once live) time-to-value. */
export function EngagementStats({ engagement, progress }: { engagement: Engagement; progress: EngagementProgress | undefined }) {
  const loading = !progress;
  const over = progress ? progress.remainingHours < 0 : false;
  const counts = progress?.taskCounts;
  const schedule = progress?.schedule;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} role="region" aria-label="Engagement figures">
      <StatCard
        label="Hours logged"
        loading={loading}
        icon={<IconHourglass size={20} />}
        value={progress ? `${formatHours(progress.loggedHours)} / ${formatHours(progress.budgetHours)}` : null}
        hint={
          progress && (
            <Text span size="xs" c={over ? 'red' : 'dimmed'}>
              {over ? `${formatHours(-progress.remainingHours)} over budget` : `${formatHours(progress.remainingHours)} remaining`}
            </Text>
          )
        }
      />
      <StatCard
        label="Tasks done"
        loading={loading}
        icon={<IconChecklist size={20} />}
        value={counts ? `${counts.done} / ${counts.total}` : null}
        hint={counts && `${counts.inProgress} in progress · ${counts.blocked} blocked · ${counts.overdue} overdue`}
      />
      <StatCard
        label={schedule?.actualGoLiveDate ? 'Went live' : 'Projected go-live'}
        loading={loading}
        icon={<IconCalendarDue size={20} />}
        value={schedule ? formatDate(schedule.actualGoLiveDate ?? schedule.projectedGoLiveDate) : null}
        hint={
          schedule && (
            <>
              Target {formatDate(schedule.targetGoLiveDate)} {!schedule.actualGoLiveDate && <SlipText days={schedule.slipDays} />}
            </>
          )
        }
      />
      <StatCard
        label="Time to value"
        loading={loading}
        icon={<IconRocket size={20} />}
        value={progress?.timeToValueDays != null ? `${progress.timeToValueDays} days` : '—'}
        hint={
          progress?.timeToValueDays != null
            ? 'Contract start to go-live'
            : engagement.contractStartDate
              ? 'Counted once the engagement goes live'
              : 'Needs a contract start date'
        }
      />
    </SimpleGrid>
  );
}
