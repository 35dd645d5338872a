import { Sparkline } from '@mantine/charts';
import { Alert, Box, Button, Card, Divider, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHandStop } from '@tabler/icons-react';
import { useAuth } from '../../../lib/auth';
import { formatDate, fromNow } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifySuccess, notifyError } from '../../../ui/server-errors';
import { GRADE_COLORS, GRADE_LABELS, METRIC_LABELS, SCOPE_LABELS } from '../labels';
import { useAccountHealth, useRemoveOverride, type AccountHealth, type MeasureResult } from './api';
import { OverrideGradeModal } from './OverrideGradeModal';
import { EvidenceLink, formatScore, GradeBadge, ScoreChange } from './parts';

/**
 * The account's health at a glance and why: the score and grade, the change against 30 days ago,
 * the 90-day trend, an override while it lasts, and each measure's cost in points with the records
 * behind it.
 */
export function AccountHealthCard({ accountId }: { accountId: string }) {
  const health = useAccountHealth(accountId);
  return (
    <Card component="section" aria-label="Health">
      {health.isPending && (
        <Stack gap="sm">
          <Title order={4}>Health</Title>
          <Skeleton height={48} width={160} />
          <Skeleton height={40} />
          <Skeleton height={120} />
        </Stack>
      )}
      {health.isError && (
        <Stack gap="sm">
          <Title order={4}>Health</Title>
          <QueryError error={health.error} onRetry={() => void health.refetch()} />
        </Stack>
      )}
      {health.isSuccess && <HealthBody accountId={accountId} health={health.data} />}
    </Card>
  );
}

function HealthBody({ accountId, health }: { accountId: string; health: AccountHealth }) {
  const { can } = useAuth();
  const [overrideOpen, overrideModal] = useDisclosure();
  const remove = useRemoveOverride(accountId);
  const drivers = [...health.drivers].sort((a, b) => b.pointsLost - a.pointsLost);
  const mayWrite = can('success.write');

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Title order={4}>Health</Title>
          <Text size="xs" c="dimmed">
            {SCOPE_LABELS[health.modelScope]} model{health.computedAt ? ` · computed ${fromNow(health.computedAt)}` : ''}
          </Text>
        </Stack>
        {mayWrite && (
          <Button size="xs" variant="default" leftSection={<IconHandStop size={14} />} onClick={overrideModal.open}>
            Override grade
          </Button>
        )}
      </Group>

      <Group gap="md" align="center" wrap="nowrap">
        <Stack gap={0} align="center">
          <Text fz={44} fw={700} lh={1} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="health-score">
            {health.score === null ? '—' : formatScore(health.score)}
          </Text>
          <Text size="xs" c="dimmed">
            score / 100
          </Text>
        </Stack>
        <Stack gap={4}>
          <GradeBadge grade={health.grade} size="lg" />
          {health.changeThirtyDays !== null && <ScoreChange change={health.changeThirtyDays} suffix="in 30 days" />}
        </Stack>
      </Group>
      {health.changeThirtyDays === null && health.score !== null && (
        <Text size="xs" c="dimmed">
          No score 30 days ago to compare with.
        </Text>
      )}

      <HealthTrend health={health} />

      {health.override && (
        <Alert color={GRADE_COLORS[health.override.grade]} variant="light" title="Grade overridden" p="sm">
          <Stack gap="xs">
            <Text size="sm">
              Overridden: {GRADE_LABELS[health.override.grade]} until {formatDate(health.override.expiresAt)} — {health.override.reason}
              {health.override.createdBy ? ` (by ${health.override.createdBy.name})` : ''}
            </Text>
            {health.computedGrade && (
              <Text size="xs" c="dimmed">
                Computed: {health.computedScore === null ? '—' : formatScore(health.computedScore)} · {GRADE_LABELS[health.computedGrade]}
              </Text>
            )}
            {mayWrite && (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  loading={remove.isPending}
                  onClick={() =>
                    remove.mutate(undefined, {
                      onSuccess: () => notifySuccess('Override removed; the computed grade shows again.'),
                      onError: (error) => notifyError(error),
                    })
                  }
                >
                  Remove override
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}

      <Divider label="What drives the score" labelPosition="left" />
      {drivers.length === 0 ? (
        <Text size="sm" c="dimmed">
          No measure of the {SCOPE_LABELS[health.modelScope].toLowerCase()} model has data for this account yet, so there is no score.
        </Text>
      ) : (
        <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Health drivers">
          {drivers.map((driver) => (
            <Driver key={driver.metric} driver={driver} />
          ))}
        </Stack>
      )}
      {health.missing.length > 0 && (
        <Text size="sm" c="dimmed">
          No data: {health.missing.map((m) => METRIC_LABELS[m]).join(', ')}
        </Text>
      )}

      {mayWrite && <OverrideGradeModal accountId={accountId} health={health} opened={overrideOpen} onClose={overrideModal.close} />}
    </Stack>
  );
}

function Driver({ driver }: { driver: MeasureResult }) {
  const lost = Math.round(driver.pointsLost * 10) / 10;
  const score = driver.score ?? 0;
  const color = score >= 70 ? 'teal' : score >= 40 ? 'yellow' : 'red';
  return (
    <Box component="li">
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {METRIC_LABELS[driver.metric]}
        </Text>
        <Text size="sm" fw={600} c={lost > 0 ? 'red.8' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
          {lost > 0 ? `−${lost} pts` : 'no points lost'}
        </Text>
      </Group>
      <Text size="sm">{driver.summary}</Text>
      <Progress
        value={score}
        color={color}
        size="sm"
        mt={4}
        aria-label={`${METRIC_LABELS[driver.metric]}: ${Math.round(score)} of 100, weight ${driver.weight}`}
      />
      {driver.evidence.length > 0 && (
        <Group gap="sm" mt={4}>
          {driver.evidence.map((e) => (
            <EvidenceLink key={e.href + e.label} href={e.href} label={e.label} />
          ))}
        </Group>
      )}
    </Box>
  );
}

/** The last 90 days' daily scores; days without a snapshot are bridged. */
function HealthTrend({ health }: { health: AccountHealth }) {
  const scored = health.trend.filter((t) => t.score !== null);
  if (scored.length < 2)
    return (
      <Text size="xs" c="dimmed">
        The 90-day trend appears after a few daily snapshots.
      </Text>
    );
  const first = scored[0]!;
  const last = scored[scored.length - 1]!;
  const low = Math.min(...scored.map((t) => t.score!));
  const high = Math.max(...scored.map((t) => t.score!));
  return (
    <Stack gap={2}>
      <Sparkline
        h={48}
        data={health.trend.map((t) => t.score)}
        color={health.grade ? GRADE_COLORS[health.grade] : 'gray'}
        fillOpacity={0.25}
        curveType="monotone"
        role="img"
        aria-label={`Score over 90 days: ${formatScore(first.score!)} on ${formatDate(first.day)}, ${formatScore(last.score!)} on ${formatDate(last.day)}; low ${formatScore(low)}, high ${formatScore(high)}`}
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {formatDate(health.trend[0]?.day)}
        </Text>
        <Text size="xs" c="dimmed">
          90 days · low {formatScore(low)}, high {formatScore(high)}
        </Text>
      </Group>
    </Stack>
  );
}
