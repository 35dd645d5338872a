import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useSession } from '../../../lib/auth';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useMemberOptions } from '../../team/api';
import { useFeatureRequests } from '../requests/api';
import {
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  useCreateMeeting,
  useIssueOptions,
  useUpdateMeeting,
  type Meeting,
  type MeetingKind,
} from './api';

const FIELDS = ['kind', 'title', 'heldAt', 'notes', 'attendeeIds', 'featureRequestIds', 'engineeringIssueIds'] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The meeting to edit; absent to record a new one. */
  meeting?: Meeting;
  /** A request the new meeting discussed (the request page's card starts from it). */
  requestId?: string;
}

export function MeetingFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.meeting ? 'Edit meeting' : 'Record a meeting'} size="lg" centered>
      {props.opened && <MeetingForm {...props} />}
    </Modal>
  );
}

function MeetingForm({ meeting, requestId, onClose }: Props) {
  const { member } = useSession();
  const members = useMemberOptions();
  const requests = useFeatureRequests({ sort: 'score', limit: 200 });
  const issues = useIssueOptions(true);
  const create = useCreateMeeting();
  const update = useUpdateMeeting();
  const form = useForm({
    initialValues: {
      kind: (meeting?.kind ?? 'product_review') as MeetingKind,
      title: meeting?.title ?? '',
      // A datetime-local input works in the user's own time zone; converted to UTC on submit.
      heldAt: dayjs(meeting?.heldAt ?? dayjs().minute(0)).format('YYYY-MM-DDTHH:mm'),
      notes: meeting?.notes ?? '',
      attendeeIds: meeting?.attendees.map((a) => a.id) ?? [member.id],
      featureRequestIds: meeting?.featureRequests.map((r) => r.id) ?? (requestId ? [requestId] : []),
      engineeringIssueIds: meeting?.engineeringIssues.map((i) => i.id) ?? [],
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the meeting a title'),
      heldAt: (v) => (v && dayjs(v).isValid() ? null : 'Pick when it took place'),
    },
  });

  // Keep linked records listed even when they are not among the options loaded.
  const requestOptions = (requests.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }));
  for (const r of meeting?.featureRequests ?? [])
    if (!requestOptions.some((o) => o.value === r.id)) requestOptions.push({ value: r.id, label: r.title });
  const issueOptions = [...issues];
  for (const i of meeting?.engineeringIssues ?? [])
    if (!issueOptions.some((o) => o.value === i.id)) issueOptions.push({ value: i.id, label: `${i.key} · ${i.title}` });
  const memberOptions = [...members.options];
  for (const a of meeting?.attendees ?? [])
    if (!memberOptions.some((o) => o.value === a.id)) memberOptions.push({ value: a.id, label: a.name });

  const submit = (values: typeof form.values) => {
    const body = {
      kind: values.kind,
      title: values.title.trim(),
      heldAt: new Date(values.heldAt).toISOString(),
      notes: values.notes.trim(),
      attendeeIds: values.attendeeIds,
      featureRequestIds: values.featureRequestIds,
      engineeringIssueIds: values.engineeringIssueIds,
    };
    const options = {
      onSuccess: () => {
        notifySuccess(meeting ? 'Meeting saved.' : 'Meeting recorded.');
        onClose();
      },
      onError: (error: unknown) => showServerErrors(form, error, FIELDS),
    };
    if (meeting) update.mutate({ id: meeting.id, ...body }, options);
    else create.mutate(body, options);
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <TextInput label="Title" placeholder="March product review" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Kind"
            data={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <TextInput label="When" type="datetime-local" {...form.getInputProps('heldAt')} />
        </SimpleGrid>
        <MultiSelect label="Attendees" placeholder="Team members" searchable data={memberOptions} {...form.getInputProps('attendeeIds')} />
        <MultiSelect
          label="Feature requests discussed"
          placeholder="Search requests"
          searchable
          data={requestOptions}
          {...form.getInputProps('featureRequestIds')}
        />
        <MultiSelect
          label="Engineering issues discussed"
          placeholder="Search issues"
          searchable
          data={issueOptions}
          {...form.getInputProps('engineeringIssueIds')}
        />
        <Textarea label="Notes" description="Decisions and follow-ups" autosize minRows={3} maxRows={10} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {meeting ? 'Save meeting' : 'Record meeting'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
