import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEngagements } from '../../delivery/engagements/api';
import { useMemberOptions } from '../../team/api';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import {
  OBJECTIVE_STATUSES,
  OBJECTIVE_STATUS_LABELS,
  PLAN_STATUSES,
  PLAN_STATUS_LABELS,
  useSavePlan,
  type Objective,
  type SuccessPlan,
} from './api';

const FIELDS = ['title', 'outcomes', 'status', 'ownerId', 'customerVisible', 'objectives', 'engagementIds'] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  accountId: string;
  /** The plan to edit; absent for a new one. */
  plan?: SuccessPlan;
}

interface ObjectiveRow {
  id?: string;
  title: string;
  measure: string;
  baseline: number | string;
  target: number | string;
  current: number | string;
  unit: string;
  dueOn: string;
  status: Objective['status'];
}

const emptyObjective = (): ObjectiveRow => ({
  title: '',
  measure: '',
  baseline: '',
  target: '',
  current: '',
  unit: '',
  dueOn: '',
  status: 'on_track',
});

export function PlanFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.plan ? 'Edit success plan' : 'New success plan'} size="xl" centered>
      {props.opened && <PlanForm {...props} />}
    </Modal>
  );
}

const num = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));

function PlanForm({ accountId, plan, onClose }: Props) {
  const save = useSavePlan(accountId);
  const members = useMemberOptions();
  const engagements = useEngagements({ accountId, limit: 100 });
  const form = useForm({
    initialValues: {
      title: plan?.title ?? '',
      outcomes: plan?.outcomes ?? '',
      status: plan?.status ?? ('active' as SuccessPlan['status']),
      ownerId: plan?.owner?.id ?? null,
      customerVisible: plan?.customerVisible ?? false,
      objectives: (plan?.objectives ?? []).map((o): ObjectiveRow => ({
        id: o.id,
        title: o.title,
        measure: o.measure ?? '',
        baseline: o.baseline ?? '',
        target: o.target ?? '',
        current: o.current ?? '',
        unit: o.unit ?? '',
        dueOn: o.dueOn ?? '',
        status: o.status,
      })),
      engagementIds: plan?.engagements.map((e) => e.id) ?? [],
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the plan a title'),
      objectives: {
        title: (v) => (v.trim() ? null : 'Give the objective a title'),
      },
    },
  });

  const submit = form.onSubmit((values) => {
    const body = {
      title: values.title.trim(),
      outcomes: values.outcomes.trim(),
      status: values.status,
      ownerId: values.ownerId || null,
      customerVisible: values.customerVisible,
      objectives: values.objectives.map((o) => ({
        ...(o.id ? { id: o.id } : {}),
        title: o.title.trim(),
        measure: o.measure.trim() || null,
        baseline: num(o.baseline),
        target: num(o.target),
        current: num(o.current),
        unit: o.unit.trim() || null,
        dueOn: o.dueOn || null,
        status: o.status,
      })),
      engagementIds: values.engagementIds,
    };
    save.mutate(plan ? { id: plan.id, ...body } : body, {
      onSuccess: () => {
        notifySuccess(plan ? 'Plan saved' : 'Plan created');
        onClose();
      },
      onError: (error) => showServerErrors(form, error, FIELDS),
    });
  });

  const engagementOptions = (engagements.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
  for (const e of plan?.engagements ?? [])
    if (!engagementOptions.some((o) => o.value === e.id)) engagementOptions.push({ value: e.id, label: e.name });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <Textarea
          label="Desired outcomes"
          description="What the customer wants to achieve, in their words"
          autosize
          minRows={2}
          {...form.getInputProps('outcomes')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Status"
            data={PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <Select label="Owner" data={members.options} searchable clearable {...form.getInputProps('ownerId')} />
        </SimpleGrid>
        <MultiSelect label="Linked engagements" data={engagementOptions} searchable clearable {...form.getInputProps('engagementIds')} />
        <Switch
          label="Visible to the customer"
          description="The customer's contacts see this plan in the portal (not drafts)"
          {...form.getInputProps('customerVisible', { type: 'checkbox' })}
        />
        <Group justify="space-between">
          <Text fw={600} size="sm">
            Objectives
          </Text>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('objectives', emptyObjective())}
          >
            Add objective
          </Button>
        </Group>
        {form.errors.objectives && (
          <Text c="red" size="xs">
            {form.errors.objectives}
          </Text>
        )}
        {form.values.objectives.length === 0 && (
          <Text size="sm" c="dimmed">
            No objectives yet.
          </Text>
        )}
        {form.values.objectives.map((o, i) => (
          <Card
            key={o.id ?? `new-${i}`}
            withBorder
            padding="sm"
            component="fieldset"
            aria-label={`Objective ${i + 1} details`}
            style={{ minWidth: 0 }}
          >
            <Stack gap="xs">
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput label={`Objective ${i + 1}`} required style={{ flex: 1 }} {...form.getInputProps(`objectives.${i}.title`)} />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove objective ${i + 1}`}
                  onClick={() => form.removeListItem('objectives', i)}
                  mb={4}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <TextInput label="Measure" placeholder="How it is measured" {...form.getInputProps(`objectives.${i}.measure`)} />
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <NumberInput label="Baseline" {...form.getInputProps(`objectives.${i}.baseline`)} />
                <NumberInput label="Target" {...form.getInputProps(`objectives.${i}.target`)} />
                <NumberInput label="Current" {...form.getInputProps(`objectives.${i}.current`)} />
                <TextInput label="Unit" {...form.getInputProps(`objectives.${i}.unit`)} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput type="date" label="Due" {...form.getInputProps(`objectives.${i}.dueOn`)} />
                <Select
                  label="Objective status"
                  data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: OBJECTIVE_STATUS_LABELS[s] }))}
                  allowDeselect={false}
                  {...form.getInputProps(`objectives.${i}.status`)}
                />
              </SimpleGrid>
            </Stack>
          </Card>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {plan ? 'Save plan' : 'Create plan'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
