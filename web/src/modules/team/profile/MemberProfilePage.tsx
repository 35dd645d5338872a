import { Anchor, Badge, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { useSearchParamsUpdate } from '../../../ui/use-url-filters';
import { useMemberProfile } from './api';
import { ProfileConditions, ReasonsCard, RelationshipsCard, TimeByCategoryChart } from './ProfileEvidence';
import { ProfilePeriodPicker } from './ProfilePeriodPicker';

/**
 * A member's role profile (issue 17): whether they work as a customer-facing engineer over a
 * period, the two conditions with their figures, the reasons in words, where the time went, the
 * relationships near and over the line, and the nearest role in the catalogue.
 */
export function MemberProfilePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const update = useSearchParamsUpdate();
  const { roleLabel, can } = useAuth();
  const period = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const profile = useMemberProfile(id, period);
  const p = profile.data;
  const customerFacing = p?.verdict === 'customer_facing_engineer';

  return (
    <Stack>
      <PageHeader
        title={p ? `${p.memberName} — role profile` : 'Role profile'}
        description={p ? p.roles.map((r) => roleLabel(r)).join(', ') : undefined}
        actions={
          can('settings.manage') ? (
            <Anchor component={Link} to="/admin/role-profile" size="sm">
              Role profile rules
            </Anchor>
          ) : undefined
        }
      />
      {p && (
        <ProfilePeriodPicker
          from={p.from}
          to={p.to}
          onChange={(next) => update({ from: next.from, to: next.to === dayjs().format('YYYY-MM-DD') ? null : next.to })}
        />
      )}
      {profile.isPending && <Skeleton height={480} />}
      {profile.isError && <QueryError error={profile.error} onRetry={() => void profile.refetch()} />}
      {p && (
        <Stack>
          <Card>
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Stack gap={4}>
                <Text size="sm" c="dimmed">
                  {dayjs(p.from).format('D MMM YYYY')} – {dayjs(p.to).format('D MMM YYYY')}
                </Text>
                <Badge
                  size="xl"
                  color={customerFacing ? 'teal' : 'gray'}
                  variant={customerFacing ? 'filled' : 'light'}
                  data-testid="verdict"
                  // The verdict is the page's answer: it wraps on a phone rather than being cut off.
                  styles={{
                    root: { height: 'auto', paddingBlock: 6, maxWidth: '100%' },
                    label: { whiteSpace: 'normal', overflow: 'visible' },
                  }}
                >
                  {customerFacing ? 'Customer-facing engineer' : 'Not a customer-facing engineer'}
                </Badge>
              </Stack>
              {p.nearestRole && (
                <Stack gap={2} maw={460} data-testid="nearest-role">
                  <Text size="sm" c="dimmed">
                    Nearest role
                  </Text>
                  <Title order={4}>{p.nearestRole.label}</Title>
                  <Text size="sm">{p.nearestRole.why}</Text>
                </Stack>
              )}
            </Group>
          </Card>
          <ProfileConditions profile={p} />
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <ReasonsCard profile={p} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TimeByCategoryChart profile={p} />
            </Grid.Col>
          </Grid>
          <RelationshipsCard profile={p} />
        </Stack>
      )}
    </Stack>
  );
}
