import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import { SEGMENT_LABELS, SEGMENTS } from '../../accounts/labels';
import { useRoles } from '../../team/api';
import {
  useEscalationRules,
  useGroups,
  useRunEscalationRules,
  useSaveEscalationRule,
  type EscalationRule,
  type EscalationRuleInput,
} from '../api';
import { options, PRIORITIES, PRIORITY_LABELS, STATUS_LABELS, STATUSES, TIER_LABELS, TIERS, type Tier } from '../labels';
import { IconBolt, IconPlayerPlay } from '@tabler/icons-react';

export function EscalationRulesSection() {
  const rules = useEscalationRules();
  const groups = useGroups();
  const { roleLabel } = useAuth();
  const save = useSaveEscalationRule();
  const run = useRunEscalationRules();
  const [editing, setEditing] = useState<EscalationRule | 'new' | null>(null);
  const sorted = [...(rules.data ?? [])].sort((a, b) => a.position - b.position);
  const groupName = (id: string) => groups.data?.find((g) => g.id === id)?.name ?? 'a removed group';

  const toggle = (rule: EscalationRule, active: boolean) => {
    const { id, ...body } = rule;
    save.mutate({ id, ...body, status: active ? 'active' : 'paused' }, { onError: (error) => notifyError(error) });
  };

  return (
    <Stack component="section" aria-label="Escalation rules">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          Rules run every few minutes over unsolved tickets, in order. A ticket that matches every condition of a rule gets its actions: so
          a case stuck in Tier 1 reaches Tier 2 by rule, not by memory.
        </Text>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconPlayerPlay size={14} />}
            loading={run.isPending}
            onClick={() => run.mutate(undefined, { onError: (e) => notifyError(e) })}
          >
            Run now
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New rule
          </Button>
        </Group>
      </Group>
      {run.data && (
        <Alert
          variant="light"
          color={run.data.fired ? 'violet' : 'gray'}
          icon={<IconBolt size={18} />}
          withCloseButton
          onClose={() => run.reset()}
          title="Rules ran"
        >
          {run.data.fired === 0 ? 'No rule fired' : `${run.data.fired} rule action${run.data.fired === 1 ? '' : 's'} fired`};{' '}
          {run.data.breaches} new SLA breach
          {run.data.breaches === 1 ? '' : 'es'} recorded.
        </Alert>
      )}
      <Card p={0}>
        {rules.isError ? (
          <Stack p="md">
            <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>Order</Table.Th>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Then</Table.Th>
                  <Table.Th w={90}>Active</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rules.isPending && <SkeletonRows columns={6} rows={2} />}
                {sorted.map((rule) => (
                  <Table.Tr key={rule.id} style={{ opacity: rule.status === 'paused' ? 0.6 : 1 }}>
                    <Table.Td>
                      <Badge variant="default" circle size="lg">
                        {rule.position}
                      </Badge>
                    </Table.Td>
                    <Table.Td fw={600}>{rule.name}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {describeConditions(rule.conditions).map((line) => (
                          <Text key={line} size="xs">
                            {line}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {rule.actions.moveToTier && <Text size="xs">Move to {TIER_LABELS[rule.actions.moveToTier]}</Text>}
                        {rule.actions.assignGroupId && <Text size="xs">Assign group {groupName(rule.actions.assignGroupId)}</Text>}
                        {rule.actions.notifyRole && <Text size="xs">Notify {roleLabel(rule.actions.notifyRole)}</Text>}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`${rule.name} active`}
                        checked={rule.status === 'active'}
                        onChange={(e) => toggle(rule, e.currentTarget.checked)}
                        label={rule.status === 'active' ? 'Active' : 'Paused'}
                        size="sm"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label="Edit rule" withArrow>
                        <ActionIcon variant="subtle" aria-label={`Edit ${rule.name}`} onClick={() => setEditing(rule)}>
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {rules.data?.length === 0 && (
          <EmptyState
            icon={<IconBolt size={18} />}
            title="No escalation rules"
            description="Add one so stuck cases move up a tier on their own."
          />
        )}
      </Card>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing && editing !== 'new' ? `Edit “${editing.name}”` : 'New escalation rule'}
        size="xl"
        centered
      >
        {editing !== null && (
          <RuleForm
            rule={editing === 'new' ? undefined : editing}
            nextPosition={(sorted.at(-1)?.position ?? 0) + 1}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

export function describeConditions(c: EscalationRule['conditions']): string[] {
  const lines: string[] = [];
  if (c.tiers) lines.push(`In ${c.tiers.map((t) => TIER_LABELS[t]).join(' or ')}`);
  if (c.priorities) lines.push(`Priority ${c.priorities.map((p) => PRIORITY_LABELS[p].toLowerCase()).join(' or ')}`);
  if (c.segments) lines.push(`Segment ${c.segments.map((s) => SEGMENT_LABELS[s]).join(' or ')}`);
  lines.push(`Status ${(c.statuses ?? ['new', 'open']).map((s) => STATUS_LABELS[s].toLowerCase()).join(' or ')}`);
  if (c.minHoursInTier !== undefined) lines.push(`${c.minHoursInTier} h or more in the tier`);
  if (c.minBusinessHoursInTier !== undefined) lines.push(`${c.minBusinessHoursInTier} business hours or more in the tier`);
  if (c.slaMinutesRemainingBelow !== undefined)
    lines.push(
      c.slaMinutesRemainingBelow > 0
        ? `Next SLA target due within ${c.slaMinutesRemainingBelow} min`
        : `SLA overdue by ${-c.slaMinutesRemainingBelow} min or more`,
    );
  if (c.minReopenCount !== undefined) lines.push(`Reopened ${c.minReopenCount}× or more`);
  return lines;
}

const num = (v: number | string) => (v === '' || v === null || v === undefined ? undefined : Number(v));

function RuleForm({ rule, nextPosition, onClose }: { rule?: EscalationRule; nextPosition: number; onClose: () => void }) {
  const save = useSaveEscalationRule();
  const groups = useGroups();
  const roles = useRoles();
  const c = rule?.conditions ?? {};
  const form = useForm({
    initialValues: {
      name: rule?.name ?? '',
      position: rule?.position ?? nextPosition,
      active: (rule?.status ?? 'active') === 'active',
      tiers: c.tiers ?? (['tier1'] as Tier[]),
      priorities: c.priorities ?? [],
      segments: c.segments ?? [],
      statuses: c.statuses ?? [],
      minHoursInTier: (c.minHoursInTier ?? '') as number | string,
      minBusinessHoursInTier: (c.minBusinessHoursInTier ?? '') as number | string,
      slaMinutesRemainingBelow: (c.slaMinutesRemainingBelow ?? '') as number | string,
      minReopenCount: (c.minReopenCount ?? '') as number | string,
      moveToTier: rule?.actions.moveToTier ?? null,
      assignGroupId: rule?.actions.assignGroupId ?? null,
      notifyRole: rule?.actions.notifyRole ?? null,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the rule'),
      moveToTier: (v, values) => (v || values.assignGroupId || values.notifyRole ? null : 'Choose at least one action'),
    },
  });

  const submit = (v: typeof form.values) => {
    const conditions: EscalationRuleInput['conditions'] = {};
    if (v.tiers.length) conditions.tiers = v.tiers;
    if (v.priorities.length) conditions.priorities = v.priorities;
    if (v.segments.length) conditions.segments = v.segments;
    if (v.statuses.length) conditions.statuses = v.statuses;
    const numbers = {
      minHoursInTier: num(v.minHoursInTier),
      minBusinessHoursInTier: num(v.minBusinessHoursInTier),
      slaMinutesRemainingBelow: num(v.slaMinutesRemainingBelow),
      minReopenCount: num(v.minReopenCount),
    };
    for (const [key, value] of Object.entries(numbers)) if (value !== undefined) (conditions as Record<string, number>)[key] = value;
    const actions: EscalationRuleInput['actions'] = {};
    if (v.moveToTier) actions.moveToTier = v.moveToTier;
    if (v.assignGroupId) actions.assignGroupId = v.assignGroupId;
    if (v.notifyRole) actions.notifyRole = v.notifyRole;
    save.mutate(
      { id: rule?.id, name: v.name.trim(), position: v.position, status: v.active ? 'active' : 'paused', conditions, actions },
      {
        onSuccess: (saved) => {
          notifySuccess(`Escalation rule “${saved.name}” saved.`);
          onClose();
        },
        onError: (error) =>
          showServerErrors(
            form,
            error,
            [
              'name',
              'position',
              'tiers',
              'priorities',
              'segments',
              'statuses',
              'minHoursInTier',
              'minBusinessHoursInTier',
              'slaMinutesRemainingBelow',
              'minReopenCount',
              'moveToTier',
              'assignGroupId',
              'notifyRole',
            ],
            { conditions: 'tiers', actions: 'moveToTier' },
          ),
      },
    );
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Name"
            withAsterisk
            data-autofocus
            placeholder="Urgent Tier 1 case near breach"
            {...form.getInputProps('name')}
            style={{ gridColumn: 'span 2' }}
          />
          <NumberInput label="Position" min={0} max={10000} allowDecimal={false} {...form.getInputProps('position')} />
        </SimpleGrid>
        <Switch label="Active" description="Paused rules are kept but never fire" {...form.getInputProps('active', { type: 'checkbox' })} />
        <Divider label="When a ticket matches all of" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect label="Tiers" placeholder="Any tier" data={options(TIERS, TIER_LABELS)} clearable {...form.getInputProps('tiers')} />
          <MultiSelect
            label="Priorities"
            placeholder="Any priority"
            data={options(PRIORITIES, PRIORITY_LABELS)}
            clearable
            {...form.getInputProps('priorities')}
          />
          <MultiSelect
            label="Account segments"
            placeholder="Any segment"
            data={options(SEGMENTS, SEGMENT_LABELS)}
            clearable
            {...form.getInputProps('segments')}
          />
          <MultiSelect
            label="Statuses"
            placeholder="New and open"
            data={options(
              STATUSES.filter((s) => s !== 'closed'),
              STATUS_LABELS,
            )}
            clearable
            {...form.getInputProps('statuses')}
          />
          <NumberInput label="Hours in the tier, at least" placeholder="Any" min={0} {...form.getInputProps('minHoursInTier')} />
          <NumberInput
            label="Business hours in the tier, at least"
            placeholder="Any"
            min={0}
            description="Counted in the ticket's SLA calendar"
            {...form.getInputProps('minBusinessHoursInTier')}
          />
          <NumberInput
            label="SLA minutes remaining below"
            placeholder="Any"
            description="Negative: overdue by at least that many minutes"
            allowDecimal={false}
            {...form.getInputProps('slaMinutesRemainingBelow')}
          />
          <NumberInput label="Reopened at least" placeholder="Any" min={1} allowDecimal={false} {...form.getInputProps('minReopenCount')} />
        </SimpleGrid>
        <Divider label="Then" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Move to tier"
            placeholder="Keep the tier"
            clearable
            data={options(TIERS, TIER_LABELS)}
            {...form.getInputProps('moveToTier')}
          />
          <Select
            label="Assign group"
            placeholder="Keep the group"
            clearable
            data={(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.name} (${TIER_LABELS[g.tier]})` }))}
            {...form.getInputProps('assignGroupId')}
          />
          <Select
            label="Notify role"
            placeholder="Nobody"
            clearable
            data={(roles.data ?? []).map((r) => ({ value: r.id, label: r.label }))}
            {...form.getInputProps('notifyRole')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {rule ? 'Save rule' : 'Create rule'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
