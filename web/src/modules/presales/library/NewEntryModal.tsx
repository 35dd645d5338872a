import { Button, Checkbox, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useCreateEntry, type LibraryEntry } from './api';
import { ENTRY_FIELDS, EntryFields, entryBody, useEntryForm } from './EntryFields';

/** A new library entry: a draft, or approved at once by a library manager. */
export function NewEntryModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (entry: LibraryEntry) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="New library entry" size="xl" centered>
      {opened && <NewEntryForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function NewEntryForm({ onClose, onCreated }: { onClose: () => void; onCreated: (entry: LibraryEntry) => void }) {
  const { can, session } = useAuth();
  const create = useCreateEntry();
  const form = useEntryForm(undefined, { ownerId: session?.member.id ?? null });
  const [variants, setVariants] = useState('');
  const [approve, setApprove] = useState(false);
  const manager = can('presales.manage');

  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        ...entryBody(values),
        variants: variants
          .split('\n')
          .map((v) => v.trim())
          .filter(Boolean),
        status: manager && approve ? 'approved' : 'draft',
      },
      {
        onSuccess: (entry) => {
          notifySuccess(entry.status === 'approved' ? 'Entry added and approved' : 'Draft added: a library manager approves it');
          onCreated(entry);
          onClose();
        },
        onError: (error) => showServerErrors(form, error, ENTRY_FIELDS),
      },
    ),
  );

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <EntryFields
          form={form}
          afterQuestion={
            <Textarea
              label="Other phrasings of the question"
              description="One per line: how other questionnaires ask the same thing"
              autosize
              minRows={2}
              maxRows={8}
              value={variants}
              onChange={(e) => setVariants(e.currentTarget.value)}
            />
          }
        />
        {manager && (
          <Checkbox
            label="Approve now (it becomes a source for auto-fill)"
            checked={approve}
            onChange={(e) => setApprove(e.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            {manager && approve ? 'Add and approve' : 'Add draft'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
