import { Group, Progress, Stack, Text } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useEngagements } from '../../../delivery/engagements/api';
import { HOME_ROWS, HomeRow, HomeSection } from '../HomeSection';

const FINISHED = new Set(['done', 'cancelled']);

/** Hours logged against the budget of each running engagement this member leads, the most burnt first. */
export function BudgetBurnSection({ memberId }: { memberId: string }) {
  const engagements = useEngagements({ leadId: memberId, limit: 50 });
  const budgeted = (engagements.data?.items ?? [])
    .filter((e) => !FINISHED.has(e.status) && e.budgetHours > 0)
    .map((e) => ({ ...e, burn: e.loggedHours / e.budgetHours }))
    .sort((a, b) => b.burn - a.burn);
  return (
    <HomeSection
      title="Budgets and burn"
      count={budgeted.length}
      seeAll={`/engagements?lead=${memberId}`}
      loading={engagements.isPending}
      error={engagements.error}
      onRetry={() => void engagements.refetch()}
      empty={
        budgeted.length === 0
          ? {
              icon: <IconHourglass size={18} />,
              title: 'No budgeted engagements running',
              description: 'Engagements you lead with a budget in hours show their burn here.',
            }
          : null
      }
    >
      {budgeted.slice(0, HOME_ROWS).map((e) => {
        const percent = Math.round(e.burn * 100);
        const color = e.burn > 1 ? 'red' : e.burn > 0.8 ? 'orange' : 'teal';
        return (
          <Stack key={e.id} gap={4}>
            <HomeRow
              to={`/engagements/${e.id}`}
              name={e.name}
              detail={`${e.account.name} · ${Math.round(e.loggedHours)} of ${Math.round(e.budgetHours)} h`}
              badge={
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" fw={600} c={color}>
                    {percent}%
                  </Text>
                </Group>
              }
            />
            <Progress value={Math.min(100, percent)} color={color} size="sm" aria-label={`${e.name}: ${percent}% of the budget used`} />
          </Stack>
        );
      })}
    </HomeSection>
  );
}
