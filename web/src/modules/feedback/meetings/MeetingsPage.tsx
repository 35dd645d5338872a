import { Button, Card, Group, Select, Stack, Table } from '@mantine/core';
import { IconPencil, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { CursorPager } from '../../../ui/CursorPager';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { MEETING_KIND_LABELS, MEETING_KINDS, useMeetings, type Meeting, type MeetingKind } from './api';
import { MeetingFormModal } from './MeetingFormModal';
import { MeetingSummary } from './MeetingSummary';

/** Internal cross-functional meetings: product reviews, engineering syncs, what they discussed. */
export function MeetingsPage() {
  const { can } = useAuth();
  const [kind, setKind] = useState<MeetingKind | null>(null);
  const [cursor, setCursor] = useState<string | undefined>();
  const pages = useCursorPages(cursor, setCursor);
  const meetings = useMeetings(kind, cursor);
  const [editing, setEditing] = useState<Meeting | 'new' | null>(null);
  const items = meetings.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Internal meetings"
        description="Product reviews and engineering syncs, who attended, and the requests and issues they discussed."
        actions={
          can('feedback.write') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Record meeting
            </Button>
          )
        }
      />
      <Group mb="md">
        <Select
          aria-label="Kind of meeting"
          placeholder="All kinds"
          clearable
          data={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
          value={kind}
          onChange={(v) => {
            setKind(v as MeetingKind | null);
            setCursor(undefined);
            pages.reset();
          }}
          w={220}
        />
      </Group>
      {meetings.isError && <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />}
      {meetings.isPending && (
        <Card p={0}>
          <Table>
            <Table.Tbody>
              <SkeletonRows columns={1} rows={4} />
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {meetings.isSuccess && items.length === 0 && (
        <Card>
          <EmptyState
            icon={<IconUsersGroup size={18} />}
            title="No meetings recorded"
            description="Record a product review or an engineering sync to keep what was decided beside the requests it was about."
          />
        </Card>
      )}
      {items.length > 0 && (
        <Stack gap="sm" component="ul" aria-label="Meetings" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((m) => (
            <Card key={m.id} withBorder component="li" aria-label={m.title}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <MeetingSummary meeting={m} />
                {can('feedback.write') && (
                  <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(m)}>
                    Edit
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {meetings.isSuccess && (items.length > 0 || pages.hasPrevious) && (
        <CursorPager
          page={pages.page}
          shown={items.length}
          hasPrevious={pages.hasPrevious}
          hasNext={Boolean(meetings.data.nextCursor)}
          onPrevious={pages.previous}
          onNext={() => meetings.data.nextCursor && pages.next(meetings.data.nextCursor)}
        />
      )}
      <MeetingFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        {...(editing && editing !== 'new' ? { meeting: editing } : {})}
      />
    </>
  );
}
