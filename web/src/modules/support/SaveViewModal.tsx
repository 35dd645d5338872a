import { Button, Checkbox, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useAuth } from '../../lib/auth';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { useCreateView, type TicketView, type ViewFilters } from './api';
import {
  options,
  PRIORITIES,
  PRIORITY_LABELS,
  STATUSES,
  STATUS_LABELS,
  TIERS,
  TIER_LABELS,
  type Priority,
  type Status,
  type Tier,
} from './labels';

const FIELDS = ['name', 'statuses', 'tiers', 'priorities', 'assignee', 'tag', 'shared'] as const;

interface Values {
  name: string;
  statuses: Status[];
  tiers: Tier[];
  priorities: Priority[];
  assignee: string | null;
  tag: string;
  shared: boolean;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The queue on screen: its filters are where the new view starts. */
  current: TicketView | undefined;
  onSaved: (view: TicketView) => void;
}

export function SaveViewModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Save view" size="lg" centered>
      <SaveViewForm {...props} />
    </Modal>
  );
}

const ASSIGNEE_LABELS: Record<string, string> = { me: 'Me', none: 'Unassigned' };

// Mounted afresh each time the dialog opens, so it starts from the queue on screen.
function SaveViewForm({ onClose, current, onSaved }: Props) {
  const { can } = useAuth();
  const create = useCreateView();
  const filters = current?.filters ?? {};
  // A filter on one member (not me, not nobody) is kept as it is; the form has no member picker.
  const otherAssignee = filters.assignee && !(filters.assignee in ASSIGNEE_LABELS) ? filters.assignee : null;
  const form = useForm<Values>({
    initialValues: {
      name: current ? `${current.name} (copy)` : '',
      statuses: filters.statuses ?? [],
      tiers: filters.tiers ?? [],
      priorities: filters.priorities ?? [],
      assignee: filters.assignee ?? null,
      tag: filters.tag ?? '',
      shared: false,
    },
    validate: { name: (v) => (v.trim() ? null : 'Name the view') },
  });

  const submit = (values: Values) => {
    const next: ViewFilters = {
      ...(values.statuses.length ? { statuses: values.statuses } : {}),
      ...(values.tiers.length ? { tiers: values.tiers } : {}),
      ...(values.priorities.length ? { priorities: values.priorities } : {}),
      ...(values.assignee ? { assignee: values.assignee } : {}),
      ...(values.tag.trim() ? { tag: values.tag.trim().toLowerCase() } : {}),
      ...(filters.groupId ? { groupId: filters.groupId } : {}),
      ...(filters.accountId ? { accountId: filters.accountId } : {}),
      ...(filters.dueWithinMinutes ? { dueWithinMinutes: filters.dueWithinMinutes } : {}),
    };
    create.mutate(
      { name: values.name.trim(), filters: next, shared: values.shared },
      {
        onSuccess: (view) => {
          notifySuccess(`View “${view.name}” saved${view.shared ? ' for the whole team' : ''}`);
          onClose();
          onSaved(view);
        },
        onError: (error) =>
          showServerErrors(form, error, FIELDS, {
            'filters.statuses': 'statuses',
            'filters.tiers': 'tiers',
            'filters.priorities': 'priorities',
            'filters.assignee': 'assignee',
            'filters.tag': 'tag',
          }),
      },
    );
  };

  const assigneeOptions = [
    { value: 'me', label: 'Me' },
    { value: 'none', label: 'Unassigned' },
    ...(otherAssignee ? [{ value: otherAssignee, label: 'The member of the current view' }] : []),
  ];

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <TextInput label="Name" placeholder="My urgent Tier 2 tickets" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Text size="sm" c="dimmed">
          {current
            ? `Starts from the filters of “${current.name}”; change any of them before saving.`
            : 'Choose the filters of the new view.'}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label="Status"
            placeholder="Any status"
            data={options(STATUSES, STATUS_LABELS)}
            clearable
            {...form.getInputProps('statuses')}
          />
          <MultiSelect label="Tier" placeholder="Any tier" data={options(TIERS, TIER_LABELS)} clearable {...form.getInputProps('tiers')} />
          <MultiSelect
            label="Priority"
            placeholder="Any priority"
            data={options(PRIORITIES, PRIORITY_LABELS)}
            clearable
            {...form.getInputProps('priorities')}
          />
          <Select label="Assignee" placeholder="Anyone" data={assigneeOptions} clearable {...form.getInputProps('assignee')} />
          <TextInput label="Tag" placeholder="Any tag" {...form.getInputProps('tag')} />
        </SimpleGrid>
        {can('support.manage') && (
          <Checkbox
            label="Share with the whole team"
            description="Shared views appear in everyone’s views column."
            {...form.getInputProps('shared', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save view
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
