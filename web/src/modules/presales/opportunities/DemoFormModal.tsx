import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useSession } from '../../../lib/auth';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import { useAccountEnvironments } from '../../delivery/environments/api';
import { useMemberOptions } from '../../team/api';
import { DEMO_OUTCOMES, DEMO_OUTCOME_LABELS, options, useSaveDemo, type DealSupportRequest, type Demo, type Opportunity } from './api';

const FIELDS = [
  'title',
  'occurredAt',
  'durationMinutes',
  'contactIds',
  'presenterIds',
  'otherAttendees',
  'script',
  'environmentId',
  'outcome',
  'notes',
  'followUps',
  'dealSupportRequestId',
] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  opportunity: Opportunity;
  /** The demo to edit; absent to record a new one. */
  demo?: Demo;
  /** The deal's open demo requests, one of which a new demo may answer. */
  demoRequests?: DealSupportRequest[];
}

export function DemoFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.demo ? 'Edit demo' : 'Record a demo'} size="xl" centered>
      {props.opened && <DemoForm {...props} />}
    </Modal>
  );
}

function DemoForm({ opportunity, demo, demoRequests = [], onClose }: Props) {
  const { member } = useSession();
  const save = useSaveDemo(opportunity.id, opportunity.account.id);
  const members = useMemberOptions();
  const contacts = useContacts(opportunity.account.id);
  const environments = useAccountEnvironments(opportunity.account.id);
  const form = useForm({
    initialValues: {
      title: demo?.title ?? '',
      // A datetime-local input works in the user's own time zone; converted to UTC on submit.
      occurredAt: dayjs(demo?.occurredAt ?? undefined)
        .minute(demo ? dayjs(demo.occurredAt).minute() : 0)
        .format('YYYY-MM-DDTHH:mm'),
      durationMinutes: (demo?.durationMinutes ?? 60) as number | string,
      contactIds: demo?.contacts.map((c) => c.id) ?? [],
      presenterIds: demo?.presenters.map((p) => p.id) ?? [member.id],
      otherAttendees: demo?.otherAttendees ?? [],
      script: demo?.script ?? '',
      environmentId: demo?.environment?.id ?? (null as string | null),
      outcome: demo?.outcome ?? (null as Demo['outcome']),
      notes: demo?.notes ?? '',
      followUps: demo?.followUps ?? [],
      dealSupportRequestId: demoRequests.length === 1 && !demo ? demoRequests[0]!.id : (null as string | null),
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the demo a title'),
      occurredAt: (v) => (v && dayjs(v).isValid() ? null : 'Pick when it took place'),
      followUps: { text: (v) => (v.trim() ? null : 'Write the follow-up or remove it') },
    },
  });

  const submit = form.onSubmit((v) => {
    const body = {
      title: v.title.trim(),
      occurredAt: new Date(v.occurredAt).toISOString(),
      durationMinutes: Number(v.durationMinutes) || 0,
      contactIds: v.contactIds,
      presenterIds: v.presenterIds,
      otherAttendees: v.otherAttendees.map((a) => a.trim()).filter(Boolean),
      script: v.script.trim() || null,
      environmentId: v.environmentId || null,
      outcome: v.outcome || null,
      notes: v.notes.trim() || null,
      followUps: v.followUps.map((f) => ({ text: f.text.trim(), done: f.done })),
    };
    save.mutate(demo ? { id: demo.id, ...body } : { ...body, dealSupportRequestId: v.dealSupportRequestId || null }, {
      onSuccess: () => {
        notifySuccess(demo ? 'Demo saved' : 'Demo recorded and logged on the account');
        onClose();
      },
      onError: (error) => showServerErrors(form, error, FIELDS),
    });
  });

  const contactOptions = (contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} (${c.title})` : c.name }));
  const environmentOptions = (environments.data ?? []).map((e) => ({ value: e.id, label: `${e.name} · ${e.product} ${e.version}` }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Title" placeholder="Alert triage walkthrough" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="When" type="datetime-local" withAsterisk {...form.getInputProps('occurredAt')} />
          <NumberInput label="Duration (minutes)" min={0} step={15} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
          <Select
            label="Outcome"
            placeholder="Not assessed yet"
            clearable
            data={options(DEMO_OUTCOMES, DEMO_OUTCOME_LABELS)}
            {...form.getInputProps('outcome')}
          />
        </SimpleGrid>
        <MultiSelect
          label="Customer audience"
          placeholder={contactOptions.length ? 'Contacts at this account' : 'No contacts on the account yet'}
          searchable
          data={contactOptions}
          {...form.getInputProps('contactIds')}
        />
        <TagsInput
          label="Other attendees"
          description="People not in Outpost; type a name or role, press Enter"
          placeholder="Two SOC analysts"
          {...form.getInputProps('otherAttendees')}
        />
        <MultiSelect label="Presenters" searchable data={members.options} {...form.getInputProps('presenterIds')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Environment used"
            description="A customer environment of this account"
            placeholder={environmentOptions.length ? 'None (demo tenant)' : 'The account has no environments'}
            clearable
            data={environmentOptions}
            {...form.getInputProps('environmentId')}
          />
          {!demo && demoRequests.length > 0 && (
            <Select
              label="Answers the request"
              description="A demo request of this deal; it is marked done"
              placeholder="None"
              clearable
              data={demoRequests.map((r) => ({ value: r.id, label: r.title }))}
              {...form.getInputProps('dealSupportRequestId')}
            />
          )}
        </SimpleGrid>
        <Textarea label="Script or storyline" autosize minRows={2} maxRows={8} {...form.getInputProps('script')} />
        <Textarea
          label="Notes"
          placeholder="How it landed, questions asked…"
          autosize
          minRows={2}
          maxRows={10}
          {...form.getInputProps('notes')}
        />
        <Group justify="space-between">
          <Text fw={600} size="sm">
            Follow-ups
          </Text>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('followUps', { text: '', done: false })}
          >
            Add follow-up
          </Button>
        </Group>
        {form.values.followUps.length === 0 && (
          <Text size="sm" c="dimmed">
            No follow-ups.
          </Text>
        )}
        {form.values.followUps.map((_, i) => (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
            <Checkbox mt={8} aria-label={`Follow-up ${i + 1} done`} {...form.getInputProps(`followUps.${i}.done`, { type: 'checkbox' })} />
            <TextInput
              aria-label={`Follow-up ${i + 1}`}
              placeholder="Send the export guide"
              style={{ flex: 1 }}
              {...form.getInputProps(`followUps.${i}.text`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={4}
              aria-label={`Remove follow-up ${i + 1}`}
              onClick={() => form.removeListItem('followUps', i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {demo ? 'Save demo' : 'Record demo'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
