import { ActionIcon, Checkbox, Group, MultiSelect, NumberInput, Paper, Select, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { CUSTOMER_ROLE_LABELS, CUSTOMER_ROLES } from '../../accounts/labels';
import type { TemplateTask } from './api';

interface Props {
  task: TemplateTask;
  /** Every other task in the template, for the dependency picker. */
  others: { value: string; label: string }[];
  teamRoles: { value: string; label: string }[];
  errors: (field: string) => string | undefined;
  onChange: (task: TemplateTask) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
}

const customerRoles = CUSTOMER_ROLES.map((r) => ({ value: r, label: CUSTOMER_ROLE_LABELS[r] }));

/** One template task: what it is, who owns it (our role or the customer's), when and after what. */
export function TemplateTaskEditor({ task, others, teamRoles, errors, onChange, onMove, onRemove, first, last }: Props) {
  const set = <K extends keyof TemplateTask>(key: K, value: TemplateTask[K]) => onChange({ ...task, [key]: value });
  const name = task.title.trim() || 'Untitled task';
  return (
    <Paper withBorder p="sm" radius="sm" role="group" aria-label={`Task: ${name}`}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          label="Title"
          size="xs"
          style={{ flex: 1 }}
          value={task.title}
          error={errors('title')}
          onChange={(e) => set('title', e.currentTarget.value)}
        />
        <Select
          label="Owner side"
          size="xs"
          w={120}
          allowDeselect={false}
          data={[
            { value: 'team', label: 'Our team' },
            { value: 'customer', label: 'Customer' },
          ]}
          value={task.ownerSide}
          onChange={(v) => onChange({ ...task, ownerSide: (v as TemplateTask['ownerSide']) ?? 'team', ownerRole: null })}
        />
        <Select
          label="Owner role"
          size="xs"
          w={200}
          clearable
          placeholder="Anyone"
          data={task.ownerSide === 'team' ? teamRoles : customerRoles}
          value={task.ownerRole}
          error={errors('ownerRole')}
          onChange={(v) => set('ownerRole', v)}
        />
        <Group gap={2} mt={22} wrap="nowrap">
          <Tooltip label="Move up">
            <ActionIcon variant="subtle" size="sm" disabled={first} onClick={() => onMove(-1)} aria-label={`Move ${name} up`}>
              <IconArrowUp size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down">
            <ActionIcon variant="subtle" size="sm" disabled={last} onClick={() => onMove(1)} aria-label={`Move ${name} down`}>
              <IconArrowDown size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Remove task">
            <ActionIcon variant="subtle" size="sm" color="red" onClick={onRemove} aria-label={`Remove ${name}`}>
              <IconTrash size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Group gap="xs" align="flex-start" mt={6} wrap="nowrap">
        <NumberInput
          label="Start offset (days)"
          size="xs"
          w={130}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          value={task.startOffsetDays}
          error={errors('startOffsetDays')}
          onChange={(v) => set('startOffsetDays', Number(v) || 0)}
        />
        <NumberInput
          label="Duration (days)"
          size="xs"
          w={120}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          value={task.durationDays}
          error={errors('durationDays')}
          onChange={(v) => set('durationDays', Number(v) || 1)}
        />
        <MultiSelect
          label="Depends on"
          size="xs"
          style={{ flex: 1 }}
          searchable
          clearable
          placeholder={task.dependsOn.length ? undefined : 'Nothing'}
          data={others}
          value={task.dependsOn}
          error={errors('dependsOn')}
          onChange={(v) => set('dependsOn', v)}
        />
        <Checkbox
          label="Customer-visible"
          size="xs"
          mt={26}
          checked={task.customerVisible}
          onChange={(e) => set('customerVisible', e.currentTarget.checked)}
        />
        <Checkbox
          label="Milestone"
          size="xs"
          mt={26}
          checked={task.milestone}
          onChange={(e) => set('milestone', e.currentTarget.checked)}
        />
      </Group>
    </Paper>
  );
}
