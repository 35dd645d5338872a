import { Button, Group, Modal, MultiSelect, Rating, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import { useRecordFeedback, useUpdateTraining, type TrainingSession } from './api';

/** Marks a session delivered: who actually came, and what happened. It then shows on the account timeline. */
export function DeliverTrainingModal({ session, onClose }: { session: TrainingSession | null; onClose: () => void }) {
  return (
    <Modal opened={!!session} onClose={onClose} title="Mark training delivered" centered>
      {session && <DeliverForm session={session} onClose={onClose} />}
    </Modal>
  );
}

function DeliverForm({ session, onClose }: { session: TrainingSession; onClose: () => void }) {
  const contacts = useContacts(session.accountId);
  const update = useUpdateTraining(session.accountId);
  const form = useForm({ initialValues: { contactIds: session.attendees.map((a) => a.contact.id), notes: session.notes ?? '' } });
  const submit = (values: typeof form.values) =>
    update.mutate(
      { id: session.id, status: 'delivered', contactIds: values.contactIds, notes: values.notes.trim() || null },
      {
        onSuccess: () => {
          notifySuccess('Training delivered; it is on the account timeline.');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, ['contactIds', 'notes']),
      },
    );
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Text size="sm">
          <b>{session.topic}</b> goes on the account’s timeline with the trainer and the attendees below. Delivered is final.
        </Text>
        <MultiSelect
          label="Who attended"
          searchable
          data={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          {...form.getInputProps('contactIds')}
        />
        <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="teal" loading={update.isPending}>
            Mark delivered
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An attendee's rating and comment, typed in by a member. */
export function FeedbackModal({ session, onClose }: { session: TrainingSession | null; onClose: () => void }) {
  return (
    <Modal opened={!!session} onClose={onClose} title="Record attendee feedback" centered>
      {session && <FeedbackForm session={session} onClose={onClose} />}
    </Modal>
  );
}

function FeedbackForm({ session, onClose }: { session: TrainingSession; onClose: () => void }) {
  const record = useRecordFeedback(session.accountId);
  const first = session.attendees.find((a) => a.rating === null) ?? session.attendees[0];
  const [contactId, setContactId] = useState<string | null>(first?.contact.id ?? null);
  const current = session.attendees.find((a) => a.contact.id === contactId);
  const form = useForm({
    initialValues: { rating: current?.rating ?? 0, comment: current?.comment ?? '' },
    validate: { rating: (v) => (v >= 1 && v <= 5 ? null : 'Pick a rating from 1 to 5') },
  });
  const choose = (id: string | null) => {
    setContactId(id);
    const attendee = session.attendees.find((a) => a.contact.id === id);
    form.setValues({ rating: attendee?.rating ?? 0, comment: attendee?.comment ?? '' });
  };
  const submit = (values: typeof form.values) => {
    if (!contactId) return;
    record.mutate(
      { id: session.id, contactId, rating: values.rating, comment: values.comment.trim() || null },
      {
        onSuccess: () => {
          notifySuccess('Feedback recorded.');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, ['rating', 'comment']),
      },
    );
  };
  if (session.attendees.length === 0) return <Text size="sm">This session has no attendees to give feedback.</Text>;
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Select
          label="Attendee"
          allowDeselect={false}
          data={session.attendees.map((a) => ({ value: a.contact.id, label: a.contact.name }))}
          value={contactId}
          onChange={choose}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Rating
          </Text>
          <Rating
            aria-label="Rating"
            getSymbolLabel={(v) => `${v} of 5`}
            value={form.values.rating}
            onChange={(v) => form.setFieldValue('rating', v)}
          />
          {form.errors.rating && (
            <Text size="xs" c="red">
              {form.errors.rating}
            </Text>
          )}
        </Stack>
        <Textarea
          label="Comment"
          placeholder="What worked, what was missing"
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('comment')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending}>
            Save feedback
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
