import { Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PortalPlan } from '../../../../src/modules/success/contract/plans';
import { OBJECTIVE_STATUS_LABELS, PLAN_STATUS_LABELS } from '../../../../src/modules/success/contract/plans';
import { QueryError } from '../../ui/QueryError';
import { formatDate } from '../../ui/format';
import { portalApi } from './portal-client';

const OBJECTIVE_COLORS: Record<PortalPlan['objectives'][number]['status'], string> = {
  on_track: 'teal',
  at_risk: 'yellow',
  off_track: 'red',
  achieved: 'blue',
};

const figure = (v: number | null, unit: string | null) => (v === null ? '—' : `${v}${unit ? ` ${unit}` : ''}`);

/** The success plans the account team shares with the customer: outcomes, objectives and progress. */
export function PortalSuccessPlansSection() {
  const plans = useQuery({
    queryKey: ['portal', 'success-plans'],
    queryFn: () => portalApi.get<{ items: PortalPlan[] }>('/api/portal/success-plans').then((r) => r.items),
  });
  const items = plans.data ?? [];
  return (
    <Stack component="section" aria-label="Success plan" gap="sm">
      <Title order={3}>Success plan</Title>
      {plans.isError && <QueryError error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.isSuccess && items.length === 0 && (
        <Text c="dimmed">Your account team has not shared a success plan yet. When they do, its goals and progress appear here.</Text>
      )}
      {items.map((plan) => (
        <Card key={plan.id} withBorder component="article" aria-label={plan.title}>
          <Stack gap="xs">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text fw={600}>{plan.title}</Text>
              <Badge variant="light">{PLAN_STATUS_LABELS[plan.status]}</Badge>
            </Group>
            {plan.outcomes && <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.outcomes}</Text>}
            {plan.progress !== null && (
              <>
                <Text size="sm" c="dimmed">
                  {plan.objectives.filter((o) => o.status === 'achieved').length} of {plan.objectives.length} objectives achieved
                </Text>
                <Progress value={plan.progress} aria-label={`Plan progress ${plan.progress}%`} />
              </>
            )}
            {plan.objectives.map((o) => (
              <Stack key={o.id} gap={2} pl="xs" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text size="sm" fw={500}>
                    {o.title}
                  </Text>
                  <Badge size="sm" variant="light" color={OBJECTIVE_COLORS[o.status]}>
                    {OBJECTIVE_STATUS_LABELS[o.status]}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {o.measure ? `${o.measure} · ` : ''}
                  {figure(o.baseline, o.unit)} → {figure(o.target, o.unit)}, now {figure(o.current, o.unit)}
                  {o.dueOn ? ` · by ${formatDate(o.dueOn)}` : ''}
                </Text>
                {o.progress !== null && <Progress size="sm" value={o.progress} aria-label={`${o.title} progress ${o.progress}%`} />}
              </Stack>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
