import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { MyTask } from './api';
import { groupOpenTasks } from './my-task-groups';

const task = (id: string, dueDate: string): MyTask => ({
  id,
  engagementId: 'eng-1',
  phaseId: null,
  position: 0,
  title: `Task ${id}`,
  description: null,
  owner: null,
  customerVisible: false,
  milestone: false,
  startDate: '2026-11-01',
  dueDate,
  status: 'todo',
  completedAt: null,
  dependsOn: [],
  blockedBy: [],
  overdue: false,
  loggedMinutes: 0,
  commentCount: 0,
  engagement: { id: 'eng-1', name: 'Rollout', kind: 'implementation' },
  account: { id: 'acc-1', name: 'Northwind' },
});

const ids = (groups: Record<string, MyTask[]>) => Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.map((t) => t.id)]));

// 2026-11-23 is a Monday, 2026-11-29 a Sunday.
describe('groupOpenTasks (My tasks: Overdue / This week / Later)', () => {
  const tasks = [
    task('next-monday', '2026-11-30'),
    task('yesterday', '2026-11-24'),
    task('sunday', '2026-11-29'),
    task('today', '2026-11-25'),
    task('last-month', '2026-10-02'),
    task('next-year', '2027-01-15'),
  ];

  it('on a Wednesday: before today is overdue, today to Sunday is this week, from Monday on is later', () => {
    expect(ids(groupOpenTasks(tasks, dayjs('2026-11-25')))).toEqual({
      overdue: ['last-month', 'yesterday'],
      this_week: ['today', 'sunday'],
      later: ['next-monday', 'next-year'],
    });
  });

  it('on a Sunday, this week is just today; Monday is already later', () => {
    expect(ids(groupOpenTasks(tasks, dayjs('2026-11-29')))).toEqual({
      overdue: ['last-month', 'yesterday', 'today'],
      this_week: ['sunday'],
      later: ['next-monday', 'next-year'],
    });
  });

  it('on a Monday, this week runs to the coming Sunday', () => {
    const monday = [
      task('mon', '2026-11-30'),
      task('sun', '2026-12-06'),
      task('mon-after', '2026-12-07'),
      task('sat-before', '2026-11-28'),
    ];
    expect(ids(groupOpenTasks(monday, dayjs('2026-11-30')))).toEqual({
      overdue: ['sat-before'],
      this_week: ['mon', 'sun'],
      later: ['mon-after'],
    });
  });

  it('does not count a task due today as overdue late in the evening', () => {
    expect(ids(groupOpenTasks([task('today', '2026-11-25')], dayjs('2026-11-25T23:59:00')))).toEqual({
      overdue: [],
      this_week: ['today'],
      later: [],
    });
  });

  it('spans a year end and leaves the list it was given in its order', () => {
    const list = [task('jan-3', '2027-01-03'), task('dec-31', '2026-12-31'), task('jan-4', '2027-01-04')];
    expect(ids(groupOpenTasks(list, dayjs('2026-12-30')))).toEqual({ overdue: [], this_week: ['dec-31', 'jan-3'], later: ['jan-4'] });
    expect(list.map((t) => t.id)).toEqual(['jan-3', 'dec-31', 'jan-4']);
  });

  it('gives empty groups for no tasks', () => {
    expect(groupOpenTasks([], dayjs('2026-11-25'))).toEqual({ overdue: [], this_week: [], later: [] });
  });
});
