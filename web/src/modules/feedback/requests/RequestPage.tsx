import { Alert, Anchor, Button, Grid, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowRight, IconBuilding, IconCoin, IconGitMerge, IconTrophy, IconTrendingUp } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api-client';
import { formatMoney } from '../../../ui/format';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { QueryError } from '../../../ui/QueryError';
import { StatCard } from '../../../ui/StatCard';
import { useFeatureRequest, type FeatureRequest } from './api';
import { formatScore } from './labels';
import { MergeRequestModal } from './MergeRequestModal';
import { RequestFormModal } from './RequestFormModal';
import { RequestHeader } from './RequestHeader';
import { RequestItemsCard } from './RequestItemsCard';
import { RequestAccountsCard, RevenueBySegmentCard } from './RequestRevenue';
import { MeetingsCard } from '../meetings/MeetingsCard';
import { UatSection } from '../uat/UatSection';

/** One feature request: where it stands, the revenue and the customers behind it, in their words. */
export function RequestPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useFeatureRequest(id);
  const [editOpen, edit] = useDisclosure();
  const [mergeOpen, merge] = useDisclosure();

  if (detail.isPending) {
    return (
      <Stack>
        <Skeleton height={150} radius="md" />
        <Skeleton height={90} radius="md" />
        <Skeleton height={300} radius="md" />
      </Stack>
    );
  }
  if (detail.isError) {
    if (detail.error instanceof ApiError && detail.error.status === 404) return <NotFoundPage />;
    return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const request = detail.data;
  // A merged request lives on only as a pointer: its figures and feedback are the survivor's now.
  if (request.mergedInto) {
    return (
      <Stack gap="lg">
        <MergedNotice into={request.mergedInto} />
        <RequestHeader request={request} onEdit={edit.open} onMerge={merge.open} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <RequestHeader request={request} onEdit={edit.open} onMerge={merge.open} />
      <Figures request={request} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <RevenueBySegmentCard request={request} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <RequestAccountsCard request={request} />
        </Grid.Col>
      </Grid>
      {/* Customer acceptance testing (the UAT engineer's part, web/src/modules/feedback/uat). */}
      <UatSection requestId={request.id} requestStatus={request.status} requestTitle={request.title} />
      {/* Cross-functional meetings that discussed this request (web/src/modules/feedback/meetings). */}
      <MeetingsCard requestId={request.id} />
      <RequestItemsCard requestId={request.id} itemCount={request.itemCount} />
      <RequestFormModal opened={editOpen} onClose={edit.close} request={request} />
      <MergeRequestModal
        request={request}
        opened={mergeOpen}
        onClose={merge.close}
        onMerged={(s) => navigate(`/feedback/requests/${s.id}`)}
      />
    </Stack>
  );
}

/** A merged request lives on only as a pointer to the one that absorbed it. */
function MergedNotice({ into }: { into: { id: string; title: string } }) {
  return (
    <Alert color="grape" variant="light" icon={<IconGitMerge size={18} />} title="Merged">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          Merged into{' '}
          <Anchor component={Link} to={`/feedback/requests/${into.id}`} fw={600}>
            {into.title}
          </Anchor>
          ; its feedback and customers count there now.
        </Text>
        <Button component={Link} to={`/feedback/requests/${into.id}`} size="xs" rightSection={<IconArrowRight size={14} />}>
          Go to “{into.title}”
        </Button>
      </Stack>
    </Alert>
  );
}

function Figures({ request }: { request: FeatureRequest }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" component="section" aria-label="Figures">
      <StatCard
        label="Score"
        value={formatScore(request.score)}
        hint="ARR × strongest impact, plus pipeline"
        icon={<IconTrophy size={20} />}
      />
      <StatCard label="Customers" value={request.customerCount} hint={`${request.itemCount} items`} icon={<IconBuilding size={20} />} />
      <StatCard label="ARR" value={formatMoney(request.arr)} hint="of the customers asking" icon={<IconCoin size={20} />} />
      <StatCard
        label="Pipeline"
        value={formatMoney(request.pipelineArr)}
        hint={`${request.blockers.filter((b) => b.open).length} open opportunities blocked`}
        icon={<IconTrendingUp size={20} />}
      />
    </SimpleGrid>
  );
}
