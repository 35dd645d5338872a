import { Anchor, Badge, Box, Grid, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import type { MemberTime } from './api';
import { CATEGORY_COLORS, CATEGORY_LABELS, CATEGORY_ORDER, hours, percent } from './categories';

/** Over capacity, or logging less than half of it: either is worth a lead's look. */
export function utilisationColor(utilisation: number | null): string | undefined {
  if (utilisation === null) return undefined;
  if (utilisation > 1) return 'red.7';
  if (utilisation < 0.5) return 'orange.7';
  return 'green.8';
}

function utilisationNote(utilisation: number | null): string | null {
  if (utilisation === null) return 'no capacity set';
  if (utilisation > 1) return 'over capacity';
  if (utilisation < 0.5) return 'under half';
  return null;
}

export function VerdictBadge({ verdict }: { verdict: MemberTime['verdict'] }) {
  if (verdict === null)
    return (
      <Text size="sm" c="dimmed">
        No verdict
      </Text>
    );
  return verdict === 'customer_facing_engineer' ? (
    <Badge color="teal" variant="light" tt="none">
      Customer-facing engineer
    </Badge>
  ) : (
    <Badge color="gray" variant="light" tt="none">
      Not customer-facing
    </Badge>
  );
}

/**
 * One person's time as a stacked bar, scaled to the most anyone in the list logged so the bars
 * compare; each section names its category and hours for screen readers and on hover.
 */
function TimeBar({ member, scale }: { member: MemberTime; scale: number }) {
  const parts = CATEGORY_ORDER.filter((c) => member.minutesByCategory[c] > 0);
  const description = parts.map((c) => `${CATEGORY_LABELS[c]} ${hours(member.minutesByCategory[c])}`).join(', ');
  return (
    <Stack gap={4}>
      <Progress.Root size={18} aria-label={`Time by category: ${description || 'nothing logged'}`}>
        {parts.map((c) => (
          <Tooltip key={c} label={`${CATEGORY_LABELS[c]}: ${hours(member.minutesByCategory[c])}`} withArrow>
            <Progress.Section
              value={(member.minutesByCategory[c] / scale) * 100}
              color={CATEGORY_COLORS[c]}
              aria-label={`${CATEGORY_LABELS[c]} ${hours(member.minutesByCategory[c])}`}
            />
          </Tooltip>
        ))}
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {member.totalMinutes ? `${hours(member.totalMinutes)} logged` : 'Nothing logged'} · capacity {hours(member.capacityMinutes)}
      </Text>
    </Stack>
  );
}

function Figure({ label, value, color, note }: { label: string; value: string; color?: string | undefined; note?: string | null }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} c={color}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c={color ?? 'dimmed'}>
          {note}
        </Text>
      )}
    </Stack>
  );
}

/** Per person: the bar of their time, utilisation, billable share (professional services), verdict and nearest role. */
export function MemberTimeList({ members }: { members: MemberTime[] }) {
  const { roleLabel } = useAuth();
  const scale = Math.max(1, ...members.map((m) => m.totalMinutes));
  return (
    <Stack gap={0}>
      {members.map((member) => (
        <Box
          key={member.memberId}
          component="article"
          aria-label={member.name}
          px="md"
          py="sm"
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
        >
          <Grid columns={24} gap="sm" align="center">
            <Grid.Col span={{ base: 24, md: 6 }}>
              <Anchor component={Link} to={`/team/members/${member.memberId}`} fw={600} size="sm">
                {member.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {member.roles.map(roleLabel).join(', ')}
                {member.team ? ` · ${member.team}` : ''}
                {member.status === 'disabled' ? ' · disabled' : ''}
              </Text>
            </Grid.Col>
            <Grid.Col span={{ base: 24, md: 8 }}>
              <TimeBar member={member} scale={scale} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Figure
                label="Utilisation"
                value={percent(member.utilisation)}
                color={utilisationColor(member.utilisation)}
                note={utilisationNote(member.utilisation)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 2 }}>
              {member.roles.includes('professional_services') && <Figure label="Billable" value={percent(member.billableShare)} />}
            </Grid.Col>
            <Grid.Col span={{ base: 24, md: 5 }}>
              <Group gap={6} wrap="wrap">
                <VerdictBadge verdict={member.verdict} />
              </Group>
              {member.nearestRole && (
                <Text size="xs" c="dimmed" mt={2}>
                  Nearest role: {member.nearestRole.label}
                </Text>
              )}
            </Grid.Col>
          </Grid>
        </Box>
      ))}
    </Stack>
  );
}
