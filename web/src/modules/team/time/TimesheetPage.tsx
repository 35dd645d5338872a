import { useState } from 'react';
import { Button, Group, Menu, Select, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconCopy, IconDownload, IconPlus } from '@tabler/icons-react';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { useUrlFilters } from '../../../ui/use-url-filters';
import { useMemberOptions } from '../api';
import { AddRowModal, type NewRow } from './AddRowModal';
import { exportUrl, useCopyWeek, useTimesheetWeek } from './api';
import { TimesheetGrid, type GridRow } from './TimesheetGrid';
import { useSaveCell } from './use-save-cell';
import { addDays, mondayOf, today, weekLabel } from './week';

const rowKeyOf = (row: NewRow) =>
  [
    row.category,
    row.links.accountId,
    row.links.engagementId,
    row.links.taskId,
    row.links.ticketId,
    row.links.opportunityId,
    row.links.interactionId,
  ]
    .map((v) => v ?? '')
    .join('|');

/**
 * The weekly timesheet (issue 17): a member's week as a grid typed into by keyboard, rows added
 * for any kind of work, last week copied in one go, and the week exported. Time managers pick
 * whose week it is.
 */
export function TimesheetPage() {
  const { can, session } = useAuth();
  const filters = useUrlFilters(['week', 'member'] as const);
  const weekStart = mondayOf(filters.values.week ?? today());
  const mine = session?.member.id ?? null;
  const memberId = filters.values.member && filters.values.member !== mine ? filters.values.member : null;
  const manages = can('time.manage');
  const members = useMemberOptions(manages);
  const week = useTimesheetWeek(weekStart, memberId);
  const copy = useCopyWeek();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<(NewRow & { key: string; weekStart: string; memberId: string | null })[]>([]);
  const saveCell = useSaveCell(memberId, (key) => setAdded((rows) => rows.filter((r) => r.key !== key)));

  const goTo = (date: string) => filters.update({ week: mondayOf(date) === mondayOf(today()) ? null : mondayOf(date) });
  const copyLastWeek = () =>
    copy.mutate(
      { fromWeekStart: addDays(weekStart, -7), toWeekStart: weekStart, memberId: memberId ?? undefined },
      {
        onSuccess: (result) => notifications.show({ color: 'teal', message: `Copied ${result.copied} entries from last week.` }),
        onError: (error) => notifications.show({ color: 'red', title: 'Nothing copied', message: error.message }),
      },
    );

  const data = week.data;
  const rows: GridRow[] = data
    ? [
        ...data.rows,
        ...added
          .filter((r) => r.weekStart === data.weekStart && r.memberId === memberId && !data.rows.some((row) => row.key === r.key))
          .map((r) => ({ ...r, cells: data.days.map((date) => ({ date, minutes: 0, entryIds: [] })) })),
      ]
    : [];

  return (
    <Stack gap="md">
      <PageHeader
        title="Timesheet"
        description="Your week by the kind of work and what it was for. Type 1:30, 1.5 or 90m; Enter saves and moves down."
      />
      <Group justify="space-between" gap="sm">
        <Group gap={4} wrap="nowrap">
          <Button variant="default" size="xs" px={6} aria-label="Previous week" onClick={() => goTo(addDays(weekStart, -7))}>
            <IconChevronLeft size={16} />
          </Button>
          <Button variant="default" size="xs" onClick={() => goTo(today())}>
            This week
          </Button>
          <Button variant="default" size="xs" px={6} aria-label="Next week" onClick={() => goTo(addDays(weekStart, 7))}>
            <IconChevronRight size={16} />
          </Button>
          <Text fw={600} size="sm" ml="xs" data-testid="week-label" style={{ whiteSpace: 'nowrap' }}>
            {weekLabel(weekStart)}
          </Text>
        </Group>
        {manages && (
          <Select
            aria-label="Member"
            size="xs"
            w={220}
            searchable
            allowDeselect={false}
            data={members.options}
            value={memberId ?? mine}
            onChange={(v) => filters.update({ member: v === mine ? null : v })}
          />
        )}
      </Group>
      <Group gap="xs">
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
          Add row
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconCopy size={14} />}
          loading={copy.isPending}
          disabled={copy.isPending}
          onClick={copyLastWeek}
        >
          Copy last week
        </Button>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconDownload size={14} />}>
              Export
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {(['csv', 'xlsx'] as const).map((format) => (
              <Menu.Item key={format} component="a" href={exportUrl(format, weekStart, addDays(weekStart, 6), memberId)} download>
                {format.toUpperCase()}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {week.isError && <QueryError error={week.error} onRetry={() => void week.refetch()} />}
      {!data && week.isPending && <Skeleton height={160} />}
      {data && rows.length === 0 && (
        <EmptyState title="No time this week" description="Add a row for the work you did, or copy last week's rows." />
      )}
      {data && rows.length > 0 && <TimesheetGrid week={data} rows={rows} onSave={saveCell} />}
      <AddRowModal
        opened={adding}
        onClose={() => setAdding(false)}
        onAdd={(row) => setAdded((rows) => [...rows, { ...row, key: rowKeyOf(row), weekStart, memberId }])}
      />
    </Stack>
  );
}
