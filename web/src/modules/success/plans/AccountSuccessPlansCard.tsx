import { ConfirmButton } from '../../../ui/ConfirmButton';
import { Badge, Button, Card, Divider, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import {
  OBJECTIVE_STATUS_COLORS,
  OBJECTIVE_STATUS_LABELS,
  PLAN_STATUS_COLORS,
  PLAN_STATUS_LABELS,
  useAccountPlans,
  useDeletePlan,
  type SuccessPlan,
} from './api';
import { PlanFormModal } from './PlanFormModal';

const figure = (v: number | null, unit: string | null) => (v === null ? '—' : `${v}${unit ? ` ${unit}` : ''}`);

/** The account's success plans: outcomes, objectives with progress, linked engagements. */
export function AccountSuccessPlansCard({ accountId }: { accountId: string }) {
  const { can } = useAuth();
  const plans = useAccountPlans(accountId);
  const [editing, setEditing] = useState<SuccessPlan | 'new' | null>(null);
  const items = plans.data ?? [];
  const canWrite = can('success.write');
  return (
    <Card withBorder component="section" aria-label="Success plans">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Success plans
        </Title>
        {canWrite && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            New plan
          </Button>
        )}
      </Group>
      {plans.isError && <QueryError error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No success plan yet: write down what the customer wants to achieve and how you will measure it.
        </Text>
      )}
      <Stack gap="sm">
        {items.map((plan, i) => (
          <Fragment key={plan.id}>
            {i > 0 && <Divider />}
            <PlanView plan={plan} canWrite={canWrite} onEdit={() => setEditing(plan)} />
          </Fragment>
        ))}
      </Stack>
      <PlanFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        accountId={accountId}
        plan={editing && editing !== 'new' ? editing : undefined}
      />
    </Card>
  );
}

function PlanView({ plan, canWrite, onEdit }: { plan: SuccessPlan; canWrite: boolean; onEdit: () => void }) {
  const remove = useDeletePlan();
  return (
    <Stack gap={6} aria-label={plan.title} component="article">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm">
            {plan.title}
          </Text>
          <Badge size="sm" variant="light" color={PLAN_STATUS_COLORS[plan.status]}>
            {PLAN_STATUS_LABELS[plan.status]}
          </Badge>
          {plan.customerVisible && (
            <Badge size="sm" variant="outline" leftSection={<IconEye size={12} />}>
              Customer visible
            </Badge>
          )}
        </Group>
        {canWrite && (
          <Group gap={4}>
            <Button size="compact-xs" variant="subtle" onClick={onEdit} aria-label={`Edit plan ${plan.title}`}>
              Edit
            </Button>
            <ConfirmButton
              size="compact-xs"
              variant="subtle"
              color="red"
              aria-label={`Delete plan ${plan.title}`}
              title={`Delete the plan “${plan.title}”?`}
              message={
                plan.customerVisible
                  ? 'Its objectives go with it, and the customer no longer sees it in the portal.'
                  : 'Its objectives go with it.'
              }
              confirmLabel="Delete plan"
              onConfirm={() =>
                remove.mutateAsync(plan.id).then(
                  () => notifySuccess('Plan deleted'),
                  (error: unknown) => {
                    notifyError(error);
                    throw error;
                  },
                )
              }
            >
              Delete
            </ConfirmButton>
          </Group>
        )}
      </Group>
      {plan.outcomes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {plan.outcomes}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {plan.owner ? `Owner: ${plan.owner.name}` : 'No owner'}
        {plan.progress !== null &&
          ` · ${plan.objectives.filter((o) => o.status === 'achieved').length} of ${plan.objectives.length} objectives achieved`}
      </Text>
      {plan.progress !== null && <Progress value={plan.progress} size="sm" aria-label={`Plan progress ${plan.progress}%`} />}
      {plan.objectives.map((o) => (
        <Stack key={o.id} gap={2} pl="xs" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">{o.title}</Text>
            <Badge size="xs" variant="light" color={OBJECTIVE_STATUS_COLORS[o.status]}>
              {OBJECTIVE_STATUS_LABELS[o.status]}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {o.measure ? `${o.measure} · ` : ''}
            {figure(o.baseline, o.unit)} → {figure(o.target, o.unit)}, now {figure(o.current, o.unit)}
            {o.dueOn ? ` · due ${formatDate(o.dueOn)}` : ''}
          </Text>
          {o.progress !== null && (
            <Progress
              value={o.progress}
              size="xs"
              color={OBJECTIVE_STATUS_COLORS[o.status]}
              aria-label={`${o.title} progress ${o.progress}%`}
            />
          )}
        </Stack>
      ))}
      {plan.engagements.length > 0 && (
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            Engagements:
          </Text>
          {plan.engagements.map((e) => (
            <Badge key={e.id} size="sm" variant="default" component={Link} to={`/engagements/${e.id}`} style={{ cursor: 'pointer' }}>
              {e.name}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
