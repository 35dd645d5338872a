import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useSession } from '../../lib/auth';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { useMemberOptions } from '../team/api';
import { useContacts, useLogInteraction, type Account } from './api';
import { INTERACTION_KINDS, KIND_LABELS, options, type InteractionKind } from './labels';

const FIELDS = ['kind', 'occurredAt', 'durationMinutes', 'subject', 'notes', 'memberIds', 'contactIds'] as const;

interface Props {
  account: Account;
  opened: boolean;
  onClose: () => void;
}

export function LogInteractionModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Log an interaction with ${props.account.name}`} size="lg" centered>
      <LogInteractionForm {...props} />
    </Modal>
  );
}

function LogInteractionForm({ account, onClose }: Props) {
  const { member } = useSession();
  const members = useMemberOptions();
  const contacts = useContacts(account.id);
  const log = useLogInteraction(account.id);
  const form = useForm({
    initialValues: {
      kind: 'meeting' as InteractionKind,
      // A datetime-local input works in the user's own time zone; converted to UTC on submit.
      occurredAt: dayjs().minute(0).format('YYYY-MM-DDTHH:mm'),
      durationMinutes: 60 as number | string,
      subject: '',
      notes: '',
      memberIds: [member.id],
      contactIds: [] as string[],
    },
    validate: {
      subject: (v) => (v.trim() ? null : 'Say what the interaction was about'),
      occurredAt: (v) => (v && dayjs(v).isValid() ? null : 'Pick when it happened'),
      durationMinutes: (v) => (typeof v === 'number' && v >= 0 ? null : 'Enter the duration in minutes'),
    },
  });

  const submit = (values: typeof form.values) =>
    log.mutate(
      {
        kind: values.kind,
        occurredAt: new Date(values.occurredAt).toISOString(),
        durationMinutes: Number(values.durationMinutes),
        subject: values.subject.trim(),
        notes: values.notes.trim() || null,
        memberIds: values.memberIds,
        contactIds: values.contactIds,
      },
      {
        onSuccess: () => {
          notifySuccess('Interaction logged.');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    );

  const contactOptions = (contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} (${c.title})` : c.name }));

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Kind" data={options(INTERACTION_KINDS, KIND_LABELS)} allowDeselect={false} {...form.getInputProps('kind')} />
          <TextInput label="When" type="datetime-local" {...form.getInputProps('occurredAt')} />
          <NumberInput label="Duration (minutes)" min={0} step={15} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
        </SimpleGrid>
        <TextInput label="Subject" placeholder="Quarterly roadmap review" withAsterisk data-autofocus {...form.getInputProps('subject')} />
        <Textarea
          label="Notes"
          placeholder="What was discussed, decided, promised…"
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('notes')}
        />
        <MultiSelect
          label="Our attendees"
          placeholder="Team members"
          searchable
          data={members.options}
          {...form.getInputProps('memberIds')}
        />
        <MultiSelect
          label="Customer attendees"
          placeholder={contactOptions.length ? 'Contacts at this account' : 'Add contacts to the account first'}
          searchable
          data={contactOptions}
          disabled={contacts.isSuccess && contactOptions.length === 0}
          {...form.getInputProps('contactIds')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={log.isPending}>
            Log interaction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
