import type { ReactNode } from 'react';
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArchive,
  IconArrowBackUp,
  IconCheck,
  IconPencil,
  IconPlus,
  IconRosetteDiscountCheck,
  IconX,
} from '@tabler/icons-react';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { formatDate, fromNow } from '../../../ui/format';
import { Markdown } from '../../../ui/markdown';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess, showServerErrors } from '../../../ui/server-errors';
import {
  useAddVariant,
  useDeleteEntry,
  useEntryAction,
  useLibraryEntry,
  useRemoveVariant,
  useReviewEntry,
  useUpdateEntry,
  type LibraryEntry,
} from './api';
import { ENTRY_FIELDS, EntryFields, entryBody, useEntryForm } from './EntryFields';
import { EntryStatusBadges, ReviewDue, ShortAnswerBadge } from './LibraryBadges';

/** One library entry: its answers and phrasings, who keeps it and when it is due; edit, approve, review, archive. */
export function EntryDrawer({ entryId, onClose }: { entryId: string | null; onClose: () => void }) {
  const entry = useLibraryEntry(entryId);
  return (
    <Drawer opened={Boolean(entryId)} onClose={onClose} position="right" size="xl" title={<Text fw={600}>Library entry</Text>}>
      {entry.isPending && entryId && (
        <Stack>
          <Skeleton h={28} />
          <Skeleton h={120} />
        </Stack>
      )}
      {entry.isError && <QueryError error={entry.error} onRetry={() => void entry.refetch()} />}
      {entry.data && <EntryDrawerBody key={entry.data.id} entry={entry.data} onClose={onClose} />}
    </Drawer>
  );
}

function EntryDrawerBody({ entry, onClose }: { entry: LibraryEntry; onClose: () => void }) {
  const [editing, setEditing] = useState(false);
  const action = useEntryAction();
  const review = useReviewEntry();
  const remove = useDeleteEntry();

  const run = (kind: 'approve' | 'archive' | 'restore', done: string) =>
    action.mutate({ id: entry.id, action: kind }, { onSuccess: () => notifySuccess(done), onError: (e) => notifyError(e) });
  const markReviewed = () =>
    review.mutate(
      { id: entry.id },
      { onSuccess: (e) => notifySuccess(`Marked reviewed: next review due ${formatDate(e.reviewDueAt)}`), onError: (e) => notifyError(e) },
    );

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Title order={3} style={{ overflowWrap: 'anywhere' }}>
          {entry.question}
        </Title>
        <Group gap="xs">
          <EntryStatusBadges entry={entry} />
          <ShortAnswerBadge value={entry.shortAnswer} />
          <Badge variant="default">
            Used {entry.usageCount} {entry.usageCount === 1 ? 'time' : 'times'}
          </Badge>
        </Group>
      </Stack>

      {entry.stale && (
        <Alert color="orange" icon={<IconAlertTriangle size={16} />} title="Due for review">
          Its review was due {formatDate(entry.reviewDueAt)}. Questionnaires show it flagged as stale and never take it as approved until
          {entry.owner ? ` ${entry.owner.name}` : ' its owner'} (or a library manager) checks it and marks it reviewed.
        </Alert>
      )}

      {!editing && (
        <Group gap="xs">
          {entry.can.edit && (
            <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          {entry.can.review && (
            <Button
              size="xs"
              color="teal"
              leftSection={<IconRosetteDiscountCheck size={14} />}
              loading={review.isPending}
              onClick={markReviewed}
            >
              Mark reviewed
            </Button>
          )}
          {entry.can.approve && (
            <Button
              size="xs"
              leftSection={<IconCheck size={14} />}
              loading={action.isPending}
              onClick={() => run('approve', 'Approved: it is now a source for auto-fill')}
            >
              Approve
            </Button>
          )}
          {entry.can.archive && entry.status !== 'archived' && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconArchive size={14} />}
              loading={action.isPending}
              onClick={() => run('archive', 'Archived')}
            >
              Archive
            </Button>
          )}
          {entry.can.archive && entry.status === 'archived' && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconArrowBackUp size={14} />}
              loading={action.isPending}
              onClick={() => run('restore', 'Restored as a draft')}
            >
              Restore as draft
            </Button>
          )}
          {entry.can.delete && (
            <ConfirmButton
              variant="subtle"
              color="red"
              size="xs"
              title="Delete this draft?"
              message="The draft and its phrasings are removed for good. Nothing has used it yet."
              confirmLabel="Delete draft"
              onConfirm={() => remove.mutateAsync(entry.id).then(() => onClose(), notifyError)}
            >
              Delete
            </ConfirmButton>
          )}
        </Group>
      )}

      {editing ? (
        <EditEntry entry={entry} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              Answer
            </Text>
            {entry.longAnswer ? (
              <Markdown source={entry.longAnswer} />
            ) : (
              <Text size="sm" c="dimmed">
                No long answer.
              </Text>
            )}
          </Stack>
          <Divider />
          <Variants entry={entry} />
          <Divider />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Fact label="Product area">{entry.productArea ?? '—'}</Fact>
            <Fact label="Tags">
              {entry.tags.length ? (
                <Group gap={4}>
                  {entry.tags.map((t) => (
                    <Badge key={t} variant="light" size="sm">
                      {t}
                    </Badge>
                  ))}
                </Group>
              ) : (
                '—'
              )}
            </Fact>
            <Fact label="Owner">{entry.owner?.name ?? 'No owner'}</Fact>
            <Fact label="Review every">{entry.reviewIntervalDays} days</Fact>
            <Fact label="Last reviewed">
              {entry.lastReviewedAt
                ? `${formatDate(entry.lastReviewedAt)}${entry.lastReviewedBy ? ` by ${entry.lastReviewedBy.name}` : ''}`
                : 'Never'}
            </Fact>
            <Fact label="Review due">
              <ReviewDue entry={entry} />
            </Fact>
            <Fact label="Last used">{entry.lastUsedAt ? fromNow(entry.lastUsedAt) : 'Never'}</Fact>
            <Fact label="Approved">
              {entry.approvedAt ? `${formatDate(entry.approvedAt)}${entry.approvedBy ? ` by ${entry.approvedBy.name}` : ''}` : '—'}
            </Fact>
            <Fact label="Created">{`${formatDate(entry.createdAt)}${entry.createdBy ? ` by ${entry.createdBy.name}` : ''}`}</Fact>
            <Fact label="Updated">{fromNow(entry.updatedAt)}</Fact>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** The other phrasings of the question, added and removed one by one. */
function Variants({ entry }: { entry: LibraryEntry }) {
  const add = useAddVariant();
  const remove = useRemoveVariant();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!text.trim()) return;
    add.mutate(
      { id: entry.id, text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          setError(null);
        },
        onError: (e) => setError(e.message),
      },
    );
  };
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        Other phrasings ({entry.variants.length})
      </Text>
      <Text size="xs" c="dimmed">
        Auto-fill matches a questionnaire’s question against the question above and each of these.
      </Text>
      {entry.variants.length === 0 && (
        <Text size="sm" c="dimmed">
          None yet.
        </Text>
      )}
      <Stack gap={4} component="ul" aria-label="Other phrasings" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {entry.variants.map((v) => (
          <Group key={v.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {v.text}
            </Text>
            {entry.can.edit && (
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove phrasing “${v.text}”`}
                loading={remove.isPending && remove.variables?.variantId === v.id}
                onClick={() => remove.mutate({ id: entry.id, variantId: v.id }, { onError: (e) => notifyError(e) })}
              >
                <IconX size={14} />
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
      {entry.can.edit && (
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label="New phrasing"
            placeholder="Another way to ask it"
            style={{ flex: 1 }}
            value={text}
            error={error}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                submit();
              }
            }}
          />
          <Button variant="default" leftSection={<IconPlus size={14} />} loading={add.isPending} onClick={submit} disabled={!text.trim()}>
            Add
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function EditEntry({ entry, onDone }: { entry: LibraryEntry; onDone: () => void }) {
  const form = useEntryForm(entry);
  const update = useUpdateEntry();
  const review = useReviewEntry();
  const [andReview, setAndReview] = useState(false);
  const submit = form.onSubmit((values) => {
    const body = entryBody(values);
    const options = {
      onSuccess: (e: LibraryEntry) => {
        notifySuccess(andReview ? `Saved and marked reviewed: next review due ${formatDate(e.reviewDueAt)}` : 'Saved');
        onDone();
      },
      onError: (error: Error) => showServerErrors(form, error, ENTRY_FIELDS),
    };
    if (andReview) review.mutate({ id: entry.id, ...body }, options);
    else update.mutate({ id: entry.id, ...body }, options);
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <EntryFields form={form} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          {entry.can.review && (
            <Button type="submit" variant="light" color="teal" loading={review.isPending} onClick={() => setAndReview(true)}>
              Save and mark reviewed
            </Button>
          )}
          <Button type="submit" loading={update.isPending} onClick={() => setAndReview(false)}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
