import {
  ActionIcon,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useSession } from '../../../lib/auth';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import { useMemberOptions } from '../../team/api';
import { useScheduleTraining, useUpdateTraining, type TrainingAudience, type TrainingSession } from './api';
import { AUDIENCE_LABELS } from './labels';

const FIELDS = ['topic', 'audience', 'scheduledAt', 'durationMinutes', 'trainerId', 'contactIds', 'materials', 'notes'] as const;

interface Props {
  accountId: string;
  /** The session to edit; absent to schedule a new one. */
  session?: TrainingSession;
  opened: boolean;
  onClose: () => void;
}

export function TrainingFormModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.session ? 'Edit training session' : 'Schedule training'}
      size="lg"
      centered
    >
      {props.opened && <TrainingForm {...props} />}
    </Modal>
  );
}

function TrainingForm({ accountId, session, onClose }: Props) {
  const { member } = useSession();
  const members = useMemberOptions();
  const contacts = useContacts(accountId);
  const schedule = useScheduleTraining(accountId);
  const update = useUpdateTraining(accountId);
  const form = useForm({
    initialValues: {
      topic: session?.topic ?? '',
      audience: (session?.audience ?? 'end_users') as TrainingAudience,
      // A datetime-local input works in the user's own time zone; converted to UTC on submit.
      scheduledAt: dayjs(session?.scheduledAt ?? dayjs().add(7, 'day').hour(10).minute(0)).format('YYYY-MM-DDTHH:mm'),
      durationMinutes: (session?.durationMinutes ?? 90) as number | string,
      trainerId: session ? (session.trainer?.id ?? null) : (member.id as string | null),
      contactIds: session?.attendees.map((a) => a.contact.id) ?? ([] as string[]),
      materials: session?.materials ?? ([] as { title: string; url: string }[]),
      notes: session?.notes ?? '',
    },
    validate: {
      topic: (v) => (v.trim() ? null : 'Say what the training covers'),
      scheduledAt: (v) => (v && dayjs(v).isValid() ? null : 'Pick when it takes place'),
      durationMinutes: (v) => (typeof v === 'number' && v >= 15 ? null : 'A session lasts at least 15 minutes'),
    },
  });

  const submit = (values: typeof form.values) => {
    const body = {
      topic: values.topic.trim(),
      audience: values.audience,
      scheduledAt: new Date(values.scheduledAt).toISOString(),
      durationMinutes: Number(values.durationMinutes),
      trainerId: values.trainerId,
      contactIds: values.contactIds,
      materials: values.materials.filter((m) => m.title.trim() || m.url.trim()).map((m) => ({ title: m.title.trim(), url: m.url.trim() })),
      notes: values.notes.trim() || null,
    };
    const options = {
      onSuccess: () => {
        notifySuccess(session ? 'Training session saved.' : 'Training scheduled.');
        onClose();
      },
      onError: (error: unknown) => showServerErrors(form, error, FIELDS),
    };
    if (session) update.mutate({ id: session.id, ...body }, options);
    else schedule.mutate(body, options);
  };

  const contactOptions = (contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} (${c.title})` : c.name }));

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <TextInput label="Topic" placeholder="Admin console essentials" withAsterisk data-autofocus {...form.getInputProps('topic')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Audience"
            data={(Object.keys(AUDIENCE_LABELS) as TrainingAudience[]).map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
            allowDeselect={false}
            {...form.getInputProps('audience')}
          />
          <TextInput label="When" type="datetime-local" {...form.getInputProps('scheduledAt')} />
          <NumberInput label="Duration (minutes)" min={15} step={15} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
        </SimpleGrid>
        <Select
          label="Trainer"
          placeholder="Team member"
          searchable
          clearable
          data={members.options}
          {...form.getInputProps('trainerId')}
        />
        <MultiSelect
          label="Attendees"
          placeholder={contactOptions.length ? 'Contacts at this account' : 'Add contacts to the account first'}
          searchable
          data={contactOptions}
          disabled={contacts.isSuccess && contactOptions.length === 0}
          {...form.getInputProps('contactIds')}
        />
        <Stack gap={6}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Materials
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPlus size={12} />}
              onClick={() => form.insertListItem('materials', { title: '', url: '' })}
            >
              Add material
            </Button>
          </Group>
          {form.values.materials.length === 0 && (
            <Text size="xs" c="dimmed">
              Slides, guides and recordings: a title and a link each.
            </Text>
          )}
          {form.values.materials.map((_, index) => (
            <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label={`Material ${index + 1} title`}
                placeholder="Admin guide"
                style={{ flex: 1 }}
                {...form.getInputProps(`materials.${index}.title`)}
              />
              <TextInput
                aria-label={`Material ${index + 1} link`}
                placeholder="https://…"
                style={{ flex: 2 }}
                {...form.getInputProps(`materials.${index}.url`)}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={4}
                aria-label={`Remove material ${index + 1}`}
                onClick={() => form.removeListItem('materials', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          {typeof form.errors.materials === 'string' && (
            <Text size="xs" c="red">
              {form.errors.materials}
            </Text>
          )}
        </Stack>
        <Textarea
          label="Notes"
          placeholder="Agenda, prerequisites, follow-ups…"
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={schedule.isPending || update.isPending}>
            {session ? 'Save' : 'Schedule training'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
