import { Grid, Skeleton, Stack } from '@mantine/core';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api-client';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { QueryError } from '../../ui/QueryError';
import { AccountTicketsCard } from '../support/AccountTicketsCard';
import { AccountEngagementsCard } from '../delivery/engagements/AccountEngagementsCard';
import { AccountEnvironmentsCard } from '../delivery/environments/AccountEnvironmentsCard';
import { AccountFieldVisitsCard } from '../delivery/records/AccountFieldVisitsCard';
import { AccountTrainingCard } from '../delivery/records/AccountTrainingCard';
import { useAccount } from './api';
import { AccountHeader } from './AccountHeader';
import { AccountTeamCard } from './AccountTeamCard';
import { ContactsCard } from './ContactsCard';
import { InteractionTimeline } from './InteractionTimeline';
import { RelationshipCard } from './RelationshipCard';
import { AccountHealthCard } from '../success/health/AccountHealthCard';
import { AccountAdoptionCard } from '../success/usage/AccountAdoptionCard';
import { AccountSuccessTasksCard } from '../success/playbooks/AccountSuccessTasksCard';
import { AccountSuccessPlansCard } from '../success/plans/AccountSuccessPlansCard';
import { AccountRenewalCard } from '../success/renewals/AccountRenewalCard';
import { AccountBusinessReviewsCard } from '../success/reviews/AccountBusinessReviewsCard';
import { AccountOpportunitiesCard } from '../presales/opportunities/AccountOpportunitiesCard';

export function AccountPage() {
  const { id = '' } = useParams();
  const account = useAccount(id);

  if (account.isPending) {
    return (
      <Stack>
        <Skeleton height={120} radius="md" />
        <Grid>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Skeleton height={400} radius="md" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Skeleton height={400} radius="md" />
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }
  if (account.isError) {
    if (account.error instanceof ApiError && account.error.status === 404) return <NotFoundPage />;
    return <QueryError error={account.error} onRetry={() => void account.refetch()} />;
  }

  const data = account.data;
  return (
    <Stack gap="lg">
      <AccountHeader account={data} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <AccountSuccessPlansCard accountId={data.id} />
            <AccountBusinessReviewsCard accountId={data.id} />
            <AccountOpportunitiesCard accountId={data.id} />
            <AccountEngagementsCard accountId={data.id} />
            <AccountEnvironmentsCard accountId={data.id} />
            <InteractionTimeline account={data} />
            <AccountTrainingCard accountId={data.id} />
            <AccountFieldVisitsCard accountId={data.id} />
            <ContactsCard accountId={data.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <AccountHealthCard accountId={data.id} />
            <AccountAdoptionCard accountId={data.id} />
            <AccountSuccessTasksCard accountId={data.id} />
            <AccountRenewalCard accountId={data.id} />
            <RelationshipCard evidence={data.relationshipEvidence} />
            <AccountTicketsCard accountId={data.id} />
            <AccountTeamCard account={data} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
