import { Anchor, Button, Card, Grid, Group, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { IconAdjustments, IconHistory, IconKey, IconUserCog, IconUsers } from '@tabler/icons-react';
import { QueryError } from '../../../ui/QueryError';
import { StatCard } from '../../../ui/StatCard';
import { useMembers, useRoles } from '../api';

/** For admins: who is on the team, in which roles, and the way to the admin pages. */
export function TeamOverviewSection() {
  const { can } = useAuth();
  const members = useMembers({ limit: 200 });
  const roles = useRoles();
  if (members.isError) return <QueryError error={members.error} onRetry={() => void members.refetch()} />;

  const items = members.data?.items ?? [];
  const loading = members.isPending || roles.isPending;
  const active = items.filter((m) => m.status === 'active');
  const capacity = active.reduce((sum, m) => sum + m.capacityHours, 0);
  const byRole = (roles.data ?? [])
    .map((role) => ({ ...role, count: active.filter((m) => m.roles.includes(role.id)).length }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
  const maxCount = Math.max(1, ...byRole.map((r) => r.count));

  return (
    <Stack gap="lg">
      <Title order={3}>Team</Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <StatCard label="Active members" value={active.length} icon={<IconUsers size={18} />} loading={loading} />
        <StatCard label="Weekly capacity" value={`${capacity} h`} hint="Across active members" loading={loading} />
        <StatCard label="Disabled or invited" value={items.length - active.length} loading={loading} />
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card component="section" aria-label="Members by role">
            <Group justify="space-between" mb="md">
              <Title order={4}>Members by role</Title>
              <Anchor component={Link} to="/team" size="sm">
                Team directory
              </Anchor>
            </Group>
            {loading ? (
              <Skeleton height={220} />
            ) : (
              <Stack gap="xs">
                {byRole.map((role) => (
                  <div key={role.id}>
                    <Group justify="space-between" mb={2}>
                      <Text size="sm">{role.label}</Text>
                      <Text size="sm" fw={600}>
                        {role.count}
                      </Text>
                    </Group>
                    <Progress value={(role.count / maxCount) * 100} size="sm" color="indigo" />
                  </div>
                ))}
              </Stack>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card component="section" aria-label="Administration">
            <Title order={4} mb="md">
              Administration
            </Title>
            <Stack gap="xs">
              {can('members.manage') && (
                <Button component={Link} to="/admin/members" variant="light" justify="flex-start" leftSection={<IconUserCog size={16} />}>
                  Invite and manage members
                </Button>
              )}
              {can('tokens.manage') && (
                <Button component={Link} to="/admin/tokens" variant="light" justify="flex-start" leftSection={<IconKey size={16} />}>
                  API tokens
                </Button>
              )}
              {can('audit.read') && (
                <Button component={Link} to="/admin/audit" variant="light" justify="flex-start" leftSection={<IconHistory size={16} />}>
                  Audit log
                </Button>
              )}
              {can('settings.manage') && (
                <Button
                  component={Link}
                  to="/admin/relationship-rules"
                  variant="light"
                  justify="flex-start"
                  leftSection={<IconAdjustments size={16} />}
                >
                  Relationship rules
                </Button>
              )}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
