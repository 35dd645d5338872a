import { ConfirmButton } from '../../../ui/ConfirmButton';
import { Badge, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { IconBolt, IconPencil, IconPlayerPlay, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { RuleFormModal } from './RuleFormModal';
import { ROLE_LABELS, useDeleteRule, usePlaybookRules, useRunRule, useSaveRule, type PlaybookRule } from './api';

const tasksCreated = (n: number) => `${n} ${n === 1 ? 'task' : 'tasks'} created`;

/** Playbook rules (admins): when a rule fires on an account, a task with steps goes to a role on its team. */
export function PlaybookRulesPage() {
  const rules = usePlaybookRules();
  const [editing, setEditing] = useState<PlaybookRule | 'new' | null>(null);
  const items = rules.data ?? [];
  return (
    <>
      <PageHeader
        title="Playbooks"
        description="Rules on account signals that create a task for the account team. The health pass evaluates enabled rules every hour."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New rule
          </Button>
        }
      />
      {rules.isError && <QueryError error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.isSuccess && items.length === 0 && (
        <Card>
          <EmptyState
            icon={<IconBolt size={18} />}
            title="No playbook rules"
            description="Create a rule — renewal in 60 days, no interaction for 30 days, health falls to red — and its tasks reach the right person."
          />
        </Card>
      )}
      {items.length > 0 && (
        <Stack gap="sm" component="ul" aria-label="Playbook rules" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((rule) => (
            <RuleCard key={rule.id} rule={rule} onEdit={() => setEditing(rule)} />
          ))}
        </Stack>
      )}
      <RuleFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        rule={editing === 'new' || editing === null ? undefined : editing}
      />
    </>
  );
}

function RuleCard({ rule, onEdit }: { rule: PlaybookRule; onEdit: () => void }) {
  const save = useSaveRule();
  const run = useRunRule();
  const remove = useDeleteRule();
  const [lastRun, setLastRun] = useState<number | null>(null);
  return (
    <Card withBorder component="li" aria-label={rule.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Text fw={600}>{rule.name}</Text>
            <Text size="sm">{rule.description}</Text>
            <Text size="sm" c="dimmed">
              “{rule.taskTitle}” for the {ROLE_LABELS[rule.role]}, due in {rule.dueInDays} {rule.dueInDays === 1 ? 'day' : 'days'} ·{' '}
              {rule.steps.length} {rule.steps.length === 1 ? 'step' : 'steps'}
            </Text>
          </Stack>
          <Stack gap={6} align="flex-end">
            <Switch
              label="Enabled"
              aria-label={`Enabled: ${rule.name}`}
              checked={rule.enabled}
              disabled={save.isPending}
              onChange={(e) =>
                save.mutate(
                  { id: rule.id, enabled: e.currentTarget.checked },
                  { onError: (error) => notifyError(error, 'The rule was not changed') },
                )
              }
            />
            <Badge variant="light" color={rule.openTasks ? 'blue' : 'gray'}>
              {rule.openTasks} open {rule.openTasks === 1 ? 'task' : 'tasks'}
            </Badge>
          </Stack>
        </Group>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" role="status" c={lastRun ? 'teal.8' : 'dimmed'}>
            {lastRun !== null ? tasksCreated(lastRun) : ''}
          </Text>
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlayerPlay size={14} />}
              loading={run.isPending}
              onClick={() =>
                run.mutate(rule.id, {
                  onSuccess: (r) => {
                    setLastRun(r.fired);
                    notifySuccess(`${rule.name}: ${tasksCreated(r.fired)}`);
                  },
                  onError: (error) => notifyError(error, 'The rule did not run'),
                })
              }
            >
              Run now
            </Button>
            <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={onEdit}>
              Edit
            </Button>
            <ConfirmButton
              size="compact-sm"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              title={`Delete the rule “${rule.name}”?`}
              message="A rule that has created tasks is disabled instead, so its tasks keep their history."
              confirmLabel="Delete rule"
              onConfirm={() =>
                remove.mutateAsync(rule.id).then(
                  (r) => notifySuccess(r.outcome === 'deleted' ? 'Rule deleted' : 'The rule has tasks, so it was disabled instead'),
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
        </Group>
      </Stack>
    </Card>
  );
}
