import dayjs from 'dayjs';
import type { MyTask } from './api';

export type MyTaskGroup = 'overdue' | 'this_week' | 'later';

/** Open tasks by urgency: overdue, due by Sunday of this week, later. */
export function groupOpenTasks(tasks: MyTask[], today = dayjs()): Record<MyTaskGroup, MyTask[]> {
  const todayText = today.format('YYYY-MM-DD');
  const sunday = today.add((7 - today.day()) % 7, 'day').format('YYYY-MM-DD');
  const groups: Record<MyTaskGroup, MyTask[]> = { overdue: [], this_week: [], later: [] };
  for (const task of [...tasks].sort((a, b) => a.dueDate.localeCompare(b.dueDate))) {
    if (task.dueDate < todayText) groups.overdue.push(task);
    else if (task.dueDate <= sunday) groups.this_week.push(task);
    else groups.later.push(task);
  }
  return groups;
}
