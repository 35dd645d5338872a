import { useDeleteTime, useLogTime, useUpdateTime } from './api';
import type { GridRow } from './TimesheetGrid';

/**
 * What typing into a cell does: a first figure logs an entry with the row's category and links, a
 * new figure changes the day's one entry, an emptied cell deletes it. `onCreated` lets the screen
 * drop a just-added row once the server's week has it.
 */
export function useSaveCell(memberId: string | null, onCreated: (rowKey: string) => void) {
  const log = useLogTime();
  const update = useUpdateTime();
  const remove = useDeleteTime();
  return async (row: GridRow, day: number, minutes: number) => {
    const cell = row.cells[day]!;
    const [entryId] = cell.entryIds;
    if (!entryId) {
      if (!minutes) return;
      const links = Object.fromEntries(Object.entries(row.links).filter(([, id]) => id));
      await log.mutateAsync({
        ...links,
        memberId: memberId ?? undefined,
        minutes,
        category: row.category,
        date: cell.date,
        billable: row.billable,
      });
      onCreated(row.key);
    } else if (!minutes) {
      await remove.mutateAsync(entryId);
    } else {
      await update.mutateAsync({ id: entryId, patch: { minutes } });
    }
  };
}
