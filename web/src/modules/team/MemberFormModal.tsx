import {
  Autocomplete,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { useCreateMember, useRoles, useTeams, useUpdateMember, type Member } from './api';
import { browserTimeZone, TIME_ZONES, WEEKDAYS } from './time-zones';

const FIELDS = [
  'name',
  'email',
  'title',
  'team',
  'roles',
  'skills',
  'capacityHours',
  'timeZone',
  'workingHours.start',
  'workingHours.end',
  'workingHours.days',
  'password',
] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  /** When given, edits this member; otherwise invites a new one. */
  member?: Member;
  onCreated?: (member: Member, temporaryPassword: string | null) => void;
}

export function MemberFormModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.member ? `Edit ${props.member.name}` : 'Invite a member'}
      size="lg"
      centered
    >
      <MemberForm {...props} />
    </Modal>
  );
}

function MemberForm({ member, onClose, onCreated }: Props) {
  const roles = useRoles();
  const teams = useTeams();
  const create = useCreateMember();
  const update = useUpdateMember();
  const form = useForm({
    initialValues: {
      name: member?.name ?? '',
      email: member?.email ?? '',
      title: member?.title ?? '',
      team: member?.team ?? '',
      roles: member?.roles ?? [],
      skills: member?.skills ?? [],
      capacityHours: (member?.capacityHours ?? 40) as number | string,
      timeZone: member?.timeZone ?? browserTimeZone(),
      workingHours: {
        start: member?.workingHours.start ?? '09:00',
        end: member?.workingHours.end ?? '17:00',
        days: (member?.workingHours.days ?? [1, 2, 3, 4, 5]).map(String),
      },
      password: '',
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter a name'),
      email: (v) => (member || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid e-mail address'),
      roles: (v) => (v.length ? null : 'Give the member at least one role'),
    },
  });

  const submit = (values: typeof form.values) => {
    const common = {
      name: values.name.trim(),
      title: values.title.trim() || null,
      team: values.team.trim() || null,
      roles: values.roles,
      skills: values.skills,
      capacityHours: Number(values.capacityHours),
      timeZone: values.timeZone,
      workingHours: { ...values.workingHours, days: values.workingHours.days.map(Number).sort() },
    };
    const onError = (error: Error) => showServerErrors(form, error, FIELDS);
    if (member) {
      update.mutate(
        { id: member.id, ...common },
        {
          onSuccess: () => {
            notifySuccess(`${common.name} updated.`);
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...common, email: values.email.trim(), ...(values.password ? { password: values.password } : {}) },
        {
          onSuccess: ({ member: created, temporaryPassword }) => {
            notifySuccess(`${created.name} was invited.`);
            onClose();
            onCreated?.(created, temporaryPassword);
          },
          onError,
        },
      );
    }
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput label="E-mail" type="email" withAsterisk disabled={Boolean(member)} {...form.getInputProps('email')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Title" placeholder="Senior Technical Account Manager" {...form.getInputProps('title')} />
          <Autocomplete
            label="Team"
            placeholder="EMEA Support"
            data={(teams.data ?? []).map((t) => t.name)}
            {...form.getInputProps('team')}
          />
        </SimpleGrid>
        <MultiSelect
          label="Roles"
          withAsterisk
          placeholder="Pick one or more"
          data={(roles.data ?? []).map((r) => ({ value: r.id, label: r.label }))}
          searchable
          {...form.getInputProps('roles')}
        />
        <TagsInput
          label="Skills"
          description="Press Enter after each skill"
          placeholder="Kubernetes, SSO, data migration…"
          {...form.getInputProps('skills')}
        />
        <Divider label="Availability" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label="Capacity (hours per week)" min={0} max={80} allowDecimal={false} {...form.getInputProps('capacityHours')} />
          <Select label="Time zone" data={TIME_ZONES} searchable allowDeselect={false} limit={50} {...form.getInputProps('timeZone')} />
          <TimeInput label="Working hours start" {...form.getInputProps('workingHours.start')} />
          <TimeInput label="Working hours end" {...form.getInputProps('workingHours.end')} />
        </SimpleGrid>
        <Checkbox.Group label="Working days" {...form.getInputProps('workingHours.days')}>
          <Group gap="md" mt={6}>
            {WEEKDAYS.map((day, index) => (
              <Checkbox key={day} value={String(index)} label={day} />
            ))}
          </Group>
        </Checkbox.Group>
        {!member && (
          <>
            <Divider label="Sign-in" labelPosition="left" />
            <PasswordInput
              label="Password"
              description="Leave empty to generate a temporary password that is shown once."
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
          </>
        )}
        <Text size="xs" c="dimmed">
          Roles decide the member’s permissions and home screen.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {member ? 'Save changes' : 'Invite member'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
