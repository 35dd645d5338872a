import { Anchor, Button, Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useAffected, useStartCampaign, type EngineeringIssue } from './api';

/** Who is affected: environments on a version before the fix release, and a campaign to upgrade them. */
export function AffectedCard({ issue }: { issue: EngineeringIssue }) {
  const { can } = useAuth();
  const affected = useAffected(issue.id, can('accounts.read'));
  const campaign = useStartCampaign(issue.id);
  const navigate = useNavigate();
  if (!can('accounts.read')) return null;
  const envs = affected.data?.environments ?? [];
  return (
    <Card component="section" aria-label="Who is affected">
      <Title order={5} mb="sm">
        Who is affected
      </Title>
      {affected.isPending && <Skeleton height={80} />}
      {affected.isError && <QueryError error={affected.error} onRetry={() => void affected.refetch()} />}
      {affected.isSuccess && !issue.fixRelease && (
        <Text size="sm" c="dimmed">
          Set the fix release to see the environments that run an older version.
        </Text>
      )}
      {affected.isSuccess && issue.fixRelease && (
        <Stack gap="sm">
          <Text size="sm">
            {envs.length === 0
              ? `No active ${affected.data.product ?? ''} environment runs a version before ${issue.fixRelease}.`
              : `${envs.length} environment${envs.length === 1 ? '' : 's'} of ${affected.data.product} run a version before ${issue.fixRelease}.`}
          </Text>
          {envs.length > 0 && (
            <Table.ScrollContainer minWidth={320}>
              <Table>
                <Table.Tbody>
                  {envs.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/environments/${e.id}`} size="sm">
                          {e.account.name} · {e.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{e.version}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {envs.length > 0 && can('environments.write') && (
            <Button
              leftSection={<IconRocket size={16} />}
              loading={campaign.isPending}
              onClick={() =>
                campaign.mutate(undefined, {
                  onSuccess: (r) => {
                    notifySuccess(`Upgrade campaign started for ${r.environmentCount} environment(s).`);
                    void navigate(`/campaigns/${r.campaignId}`);
                  },
                  onError: (e) => notifyError(e, 'The campaign was not started'),
                })
              }
            >
              Start upgrade campaign to {issue.fixRelease}
            </Button>
          )}
        </Stack>
      )}
    </Card>
  );
}
