import { Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useCreateTask, useUpdateTask, type Engagement, type Task } from './api';
import { ownerFromValue, ownerValue, useTaskOwnerOptions } from './task-owner-options';

const FIELDS = ['title', 'description', 'phaseId', 'owner', 'startDate', 'dueDate', 'customerVisible', 'milestone', 'dependsOn'] as const;

interface Values {
  title: string;
  description: string;
  phaseId: string | null;
  owner: string | null;
  startDate: string | null;
  dueDate: string | null;
  customerVisible: boolean;
  milestone: boolean;
  dependsOn: string[];
}

const valuesOf = (task: Task | undefined, engagement: Engagement): Values =>
  task
    ? {
        title: task.title,
        description: task.description ?? '',
        phaseId: task.phaseId,
        owner: ownerValue(task.owner),
        startDate: task.startDate,
        dueDate: task.dueDate,
        customerVisible: task.customerVisible,
        milestone: task.milestone,
        dependsOn: task.dependsOn,
      }
    : {
        title: '',
        description: '',
        phaseId: engagement.phases[0]?.id ?? null,
        owner: null,
        startDate: dayjs().format('YYYY-MM-DD'),
        dueDate: dayjs().format('YYYY-MM-DD'),
        customerVisible: false,
        milestone: false,
        dependsOn: [],
      };

/** Creates a task on the engagement, or edits one (its details and what it depends on). */
export function TaskForm({ engagement, task, onDone }: { engagement: Engagement; task?: Task; onDone?: () => void }) {
  const create = useCreateTask(engagement.id);
  const update = useUpdateTask();
  const owners = useTaskOwnerOptions(engagement.account.id);
  const form = useForm<Values>({
    initialValues: valuesOf(task, engagement),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the task a title'),
      startDate: (v) => (v ? null : 'Choose the start date'),
      dueDate: (v, values) =>
        !v ? 'Choose the due date' : values.startDate && v < values.startDate ? 'The due date cannot be before the start' : null,
    },
  });

  const submit = (values: Values) => {
    const body = {
      title: values.title.trim(),
      description: values.description.trim() || null,
      phaseId: values.phaseId,
      owner: ownerFromValue(values.owner),
      startDate: values.startDate!,
      dueDate: values.dueDate!,
      customerVisible: values.customerVisible,
      milestone: values.milestone,
      dependsOn: values.dependsOn,
    };
    const handlers = {
      onSuccess: () => {
        notifySuccess(task ? 'Task saved.' : `Task “${body.title}” added.`);
        if (!task) form.reset();
        onDone?.();
      },
      onError: (error: Error) => showServerErrors(form, error, FIELDS),
    };
    if (task) update.mutate({ id: task.id, ...body }, handlers);
    else create.mutate(body, handlers);
  };

  const otherTasks = engagement.tasks.filter((t) => t.id !== task?.id).map((t) => ({ value: t.id, label: t.title }));

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <SimpleGrid cols={2}>
          <Select
            label="Phase"
            placeholder="No phase"
            clearable
            data={engagement.phases.map((p) => ({ value: p.id, label: p.name }))}
            {...form.getInputProps('phaseId')}
          />
          <Select label="Owner" placeholder="Unassigned" clearable searchable data={owners} {...form.getInputProps('owner')} />
          <DateInput label="Start" valueFormat="YYYY-MM-DD" withAsterisk {...form.getInputProps('startDate')} />
          <DateInput label="Due" valueFormat="YYYY-MM-DD" withAsterisk {...form.getInputProps('dueDate')} />
        </SimpleGrid>
        <MultiSelect
          label="Depends on"
          description="This task cannot start until these are done."
          placeholder={form.values.dependsOn.length ? undefined : 'Nothing'}
          searchable
          clearable
          data={otherTasks}
          {...form.getInputProps('dependsOn')}
        />
        <Group>
          <Checkbox label="Visible to the customer" {...form.getInputProps('customerVisible', { type: 'checkbox' })} />
          <Checkbox label="Milestone" {...form.getInputProps('milestone', { type: 'checkbox' })} />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending}>
            {task ? 'Save task' : 'Add task'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
