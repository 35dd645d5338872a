import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import {
  PLAYBOOK_TRIGGERS,
  ROLE_LABELS,
  TEAM_ROLES,
  TRIGGER_LABELS,
  TRIGGER_PARAMS,
  useSaveRule,
  type PlaybookRule,
  type PlaybookTrigger,
} from './api';

const FIELDS = ['name', 'trigger', 'param', 'role', 'taskTitle', 'steps', 'dueInDays', 'enabled'] as const;
const ALIASES = { 'params.points': 'param', 'params.days': 'param', 'params.percent': 'param', params: 'param' };

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The rule to edit; absent for a new one. */
  rule?: PlaybookRule;
}

export function RuleFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.rule ? 'Edit rule' : 'New playbook rule'} size="lg" centered>
      {props.opened && <RuleForm {...props} />}
    </Modal>
  );
}

function RuleForm({ rule, onClose }: Props) {
  const save = useSaveRule();
  const initialParam = rule ? (rule.params.points ?? rule.params.days ?? rule.params.percent ?? '') : 30;
  const form = useForm({
    initialValues: {
      name: rule?.name ?? '',
      trigger: (rule?.trigger ?? 'no_interaction') as PlaybookTrigger,
      param: initialParam as number | string,
      role: rule?.role ?? 'technical_account_manager',
      taskTitle: rule?.taskTitle ?? '',
      steps: rule?.steps ?? [''],
      dueInDays: (rule?.dueInDays ?? 7) as number | string,
      enabled: rule?.enabled ?? true,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the rule a name'),
      taskTitle: (v) => (v.trim() ? null : 'Give the task a title'),
      param: (v, values) => {
        const spec = TRIGGER_PARAMS[values.trigger];
        if (!spec) return null;
        return typeof v === 'number' && v >= spec.min && v <= spec.max ? null : `Between ${spec.min} and ${spec.max}`;
      },
      steps: (v) => (v.some((s) => s.trim()) ? null : 'Give at least one step'),
      dueInDays: (v) => (typeof v === 'number' && v >= 0 && v <= 365 ? null : 'Due in 0 to 365 days'),
    },
  });
  const spec = TRIGGER_PARAMS[form.values.trigger];

  const submit = form.onSubmit((values) => {
    const paramSpec = TRIGGER_PARAMS[values.trigger];
    const body = {
      name: values.name.trim(),
      trigger: values.trigger,
      params: paramSpec ? { [paramSpec.key]: Number(values.param) } : {},
      role: values.role as PlaybookRule['role'],
      taskTitle: values.taskTitle.trim(),
      steps: values.steps.map((s) => s.trim()).filter(Boolean),
      dueInDays: Number(values.dueInDays),
      enabled: values.enabled,
    };
    save.mutate(rule ? { id: rule.id, ...body } : body, {
      onSuccess: () => {
        notifySuccess(rule ? 'Rule saved' : 'Rule created');
        onClose();
      },
      onError: (error) => showServerErrors(form, error, FIELDS, ALIASES),
    });
  });

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label="Name" withAsterisk maxLength={200} {...form.getInputProps('name')} />
        <Select
          label="Trigger"
          withAsterisk
          allowDeselect={false}
          data={PLAYBOOK_TRIGGERS.map((t) => ({ value: t, label: TRIGGER_LABELS[t] }))}
          {...form.getInputProps('trigger')}
          onChange={(v) => {
            const next = (v ?? 'health_red') as PlaybookTrigger;
            form.setFieldValue('trigger', next);
            const nextSpec = TRIGGER_PARAMS[next];
            if (nextSpec && (typeof form.values.param !== 'number' || form.values.param < nextSpec.min || form.values.param > nextSpec.max))
              form.setFieldValue('param', nextSpec.key === 'days' ? 30 : 20);
          }}
        />
        {spec && (
          <NumberInput
            label={spec.label}
            withAsterisk
            min={spec.min}
            max={spec.max}
            allowDecimal={false}
            {...form.getInputProps('param')}
          />
        )}
        <Select
          label="Task goes to"
          description="The account-team member holding this role; unassigned on accounts without one"
          withAsterisk
          allowDeselect={false}
          data={TEAM_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          {...form.getInputProps('role')}
        />
        <TextInput label="Task title" withAsterisk maxLength={200} {...form.getInputProps('taskTitle')} />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Steps
          </Text>
          {form.values.steps.map((_, index) => (
            <Group key={index} gap="xs" wrap="nowrap">
              <TextInput
                aria-label={`Step ${index + 1}`}
                placeholder={`Step ${index + 1}`}
                style={{ flex: 1 }}
                maxLength={500}
                {...form.getInputProps(`steps.${index}`)}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove step ${index + 1}`}
                disabled={form.values.steps.length === 1}
                onClick={() => form.removeListItem('steps', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          {form.errors.steps && (
            <Text size="xs" c="red">
              {form.errors.steps}
            </Text>
          )}
          <Group>
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              disabled={form.values.steps.length >= 20}
              onClick={() => form.insertListItem('steps', '')}
            >
              Add step
            </Button>
          </Group>
        </Stack>
        <NumberInput label="Due in (days)" withAsterisk min={0} max={365} allowDecimal={false} {...form.getInputProps('dueInDays')} />
        <Switch label="Enabled" {...form.getInputProps('enabled', { type: 'checkbox' })} />
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
