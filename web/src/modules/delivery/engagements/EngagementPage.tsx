import { Grid, Skeleton, Stack } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router-dom';
import { useSearchParamsUpdate } from '../../../ui/use-url-filters';
import { ApiError } from '../../../lib/api-client';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { QueryError } from '../../../ui/QueryError';
import { PocCriteriaCard } from '../records/PocCriteriaCard';
import { StatusReportsCard } from '../records/StatusReportsCard';
import { useEngagement, useEngagementProgress } from './api';
import { BudgetBurnCard } from './BudgetBurnCard';
import { EngagementHeader } from './EngagementHeader';
import { EngagementStats } from './EngagementStats';
import { MilestonesCard } from './MilestonesCard';
import { PlanTasksCard } from './PlanTasksCard';
import { PlanTimeline } from './PlanTimeline';
import { TaskDrawer } from './TaskDrawer';

export function EngagementPage() {
  const { id = '' } = useParams();
  const engagement = useEngagement(id);
  const progress = useEngagementProgress(id);
  // The open task lives in the URL (?task=…), so "My tasks" can link straight to it.
  const [params] = useSearchParams();
  const updateParams = useSearchParamsUpdate();
  const openTask = params.get('task');
  const setOpenTask = (taskId: string | null) => updateParams({ task: taskId });

  if (engagement.isPending) {
    return (
      <Stack>
        <Skeleton height={160} radius="md" />
        <Skeleton height={90} radius="md" />
        <Skeleton height={360} radius="md" />
      </Stack>
    );
  }
  if (engagement.isError) {
    if (engagement.error instanceof ApiError && engagement.error.status === 404) return <NotFoundPage />;
    return <QueryError error={engagement.error} onRetry={() => void engagement.refetch()} />;
  }

  const data = engagement.data;
  return (
    <Stack gap="lg">
      <EngagementHeader engagement={data} />
      <EngagementStats engagement={data} progress={progress.data} />
      <PlanTimeline engagement={data} onOpenTask={setOpenTask} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <BudgetBurnCard progress={progress.data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <MilestonesCard progress={progress.data} tasks={data.tasks} />
        </Grid.Col>
      </Grid>
      <PlanTasksCard engagement={data} onOpenTask={setOpenTask} />
      {data.kind === 'proof_of_concept' && <PocCriteriaCard engagementId={data.id} />}
      <StatusReportsCard engagementId={data.id} />
      <TaskDrawer engagement={data} taskId={openTask} onClose={() => setOpenTask(null)} />
    </Stack>
  );
}
