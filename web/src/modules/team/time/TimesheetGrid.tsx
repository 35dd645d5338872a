import { useRef } from 'react';
import { Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { CATEGORY_LABELS, TIME_LINK_FIELDS, type TimesheetRow, type TimesheetWeek } from './api';
import { formatTotal } from './duration';
import { TimeCell, type CellPosition } from './TimeCell';
import { dayLabel } from './week';

/** A row the grid shows: the week's own, or one just added that has no time yet. */
export type GridRow = Pick<TimesheetRow, 'key' | 'category' | 'billable' | 'links' | 'labels'> & {
  cells: TimesheetRow['cells'];
};

interface Props {
  week: TimesheetWeek;
  rows: GridRow[];
  onSave: (row: GridRow, day: number, minutes: number) => Promise<unknown>;
}

export function rowTitle(row: Pick<GridRow, 'links' | 'labels'>): string {
  const names = TIME_LINK_FIELDS.map(
    (field) => row.labels[field] ?? (row.links[field] ? `${field.replace(/Id$/, '')} ${row.links[field]}` : null),
  );
  // The account is implied by the work when there is any: show it only on its own.
  const work = names.slice(1).filter(Boolean);
  return (work.length ? work : names.filter(Boolean)).join(' · ') || 'No link';
}

/** The week as a grid: rows × Monday–Sunday, totals per row, per day and for the week against capacity. */
export function TimesheetGrid({ week, rows, onSave }: Props) {
  const table = useRef<HTMLTableElement>(null);
  const capacityMinutes = week.capacityHours * 60;
  const share = capacityMinutes ? Math.min(100, (week.totalMinutes / capacityMinutes) * 100) : 0;

  const move = (from: CellPosition, by: { row: number; col: number }) => {
    const row = Math.max(0, Math.min(rows.length - 1, from.row + by.row));
    const col = Math.max(0, Math.min(6, from.col + by.col));
    table.current?.querySelector<HTMLInputElement>(`[data-cell="${row}:${col}"]`)?.focus();
  };

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table ref={table} withTableBorder verticalSpacing={4} aria-label="Week timesheet">
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={200}>Work</Table.Th>
            {week.days.map((date) => {
              const { weekday, day } = dayLabel(date);
              return (
                <Table.Th key={date} ta="right">
                  {weekday} {day}
                </Table.Th>
              );
            })}
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, r) => {
            const title = rowTitle(row);
            const total = row.cells.reduce((sum, c) => sum + c.minutes, 0);
            return (
              <Table.Tr key={row.key} data-row={row.key}>
                <Table.Td>
                  <Stack gap={0}>
                    <Group gap={6} wrap="nowrap">
                      <Badge size="xs" variant="light">
                        {CATEGORY_LABELS[row.category]}
                      </Badge>
                      {row.billable && (
                        <Badge size="xs" variant="outline" color="teal">
                          Billable
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" lineClamp={1} title={title}>
                      {title}
                    </Text>
                  </Stack>
                </Table.Td>
                {row.cells.map((cell, d) => (
                  <Table.Td key={cell.date} ta="right">
                    <TimeCell
                      position={{ row: r, col: d }}
                      label={`${CATEGORY_LABELS[row.category]} ${title}, ${cell.date}`}
                      minutes={cell.minutes}
                      locked={cell.entryIds.length > 1}
                      onSave={(minutes) => onSave(row, d, minutes)}
                      onMove={move}
                    />
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600} data-testid="row-total">
                  {formatTotal(total)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>Day total</Table.Th>
            {week.dayTotals.map((minutes, d) => (
              <Table.Th key={week.days[d]} ta="right" data-testid="day-total">
                {formatTotal(minutes)}
              </Table.Th>
            ))}
            <Table.Th ta="right" data-testid="week-total">
              {formatTotal(week.totalMinutes)}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            <Table.Td colSpan={9}>
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="capacity">
                  {formatTotal(week.totalMinutes)} of {week.capacityHours} h capacity
                </Text>
                <Progress
                  value={share}
                  color={week.totalMinutes > capacityMinutes ? 'orange' : 'teal'}
                  style={{ flex: 1 }}
                  aria-label="Logged against capacity"
                />
              </Group>
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
