import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useSession } from '../../../lib/auth';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import { INTERACTION_KINDS, KIND_LABELS, type InteractionKind } from '../../accounts/labels';
import { useMemberOptions } from '../../team/api';
import { useLogDealInteraction, type Opportunity } from './api';

const FIELDS = ['kind', 'occurredAt', 'durationMinutes', 'subject', 'notes', 'memberIds', 'contactIds'] as const;
// Demos are recorded with their audience and outcome ("Record demo"), not as a bare interaction.
const KINDS = INTERACTION_KINDS.filter((k) => k !== 'demo');

interface Props {
  opened: boolean;
  onClose: () => void;
  opportunity: Opportunity;
}

/** Logs a meeting, call or e-mail about the deal: on the account's timeline, linked to the deal. */
export function LogDealActivityModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Log a meeting or call" size="lg" centered>
      {props.opened && <LogDealActivityForm {...props} />}
    </Modal>
  );
}

function LogDealActivityForm({ opportunity, onClose }: Props) {
  const { member } = useSession();
  const members = useMemberOptions();
  const contacts = useContacts(opportunity.account.id);
  const log = useLogDealInteraction(opportunity.id, opportunity.account.id);
  const form = useForm({
    initialValues: {
      kind: 'meeting' as InteractionKind,
      occurredAt: dayjs().minute(0).format('YYYY-MM-DDTHH:mm'),
      durationMinutes: 30 as number | string,
      subject: '',
      notes: '',
      memberIds: [member.id],
      contactIds: [] as string[],
    },
    validate: {
      subject: (v) => (v.trim() ? null : 'Say what it was about'),
      occurredAt: (v) => (v && dayjs(v).isValid() ? null : 'Pick when it happened'),
    },
  });
  const submit = form.onSubmit((v) =>
    log.mutate(
      {
        kind: v.kind,
        occurredAt: new Date(v.occurredAt).toISOString(),
        durationMinutes: Number(v.durationMinutes) || 0,
        subject: v.subject.trim(),
        notes: v.notes.trim() || null,
        memberIds: v.memberIds,
        contactIds: v.contactIds,
      },
      {
        onSuccess: () => {
          notifySuccess('Logged on the deal and the account');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    ),
  );
  const contactOptions = (contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} (${c.title})` : c.name }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Kind"
            data={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <TextInput label="When" type="datetime-local" {...form.getInputProps('occurredAt')} />
          <NumberInput label="Duration (minutes)" min={0} step={15} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
        </SimpleGrid>
        <TextInput
          label="Subject"
          placeholder="Pricing call with procurement"
          withAsterisk
          data-autofocus
          {...form.getInputProps('subject')}
        />
        <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
        <MultiSelect label="Our attendees" searchable data={members.options} {...form.getInputProps('memberIds')} />
        <MultiSelect
          label="Customer attendees"
          placeholder={contactOptions.length ? 'Contacts at this account' : 'No contacts on the account yet'}
          searchable
          data={contactOptions}
          {...form.getInputProps('contactIds')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={log.isPending}>
            Log it
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
