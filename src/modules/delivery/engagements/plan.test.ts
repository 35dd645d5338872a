import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  averageDays,
  burnDown,
  findCycle,
  isWorkingDay,
  layoutPlan,
  planDurationDays,
  projectSchedule,
  rollToWorkingDay,
  timeToValueDays,
  workingDaysBetween,
  type ScheduleTask,
} from './plan.js';

// 2026-03-02 is a Monday.
describe('working-day calendar', () => {
  it('knows weekends', () => {
    expect(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'].map(isWorkingDay)).toEqual([true, false, false, true]);
    expect(rollToWorkingDay('2026-03-07')).toBe('2026-03-09');
    expect(rollToWorkingDay('2026-03-04')).toBe('2026-03-04');
  });

  it('adds working days over weekends, months and years', () => {
    expect(addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
    expect(addWorkingDays('2026-03-02', 4)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-02', 10)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-07', 0)).toBe('2026-03-09'); // a Saturday start rolls to Monday
    expect(addWorkingDays('2026-03-08', 1)).toBe('2026-03-10');
    expect(addWorkingDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addWorkingDays('2026-12-31', 2)).toBe('2027-01-04');
    expect(addWorkingDays('2026-03-09', -1)).toBe('2026-03-06');
    expect(addWorkingDays('2024-02-28', 2)).toBe('2024-03-01'); // leap day counts
  });

  it('counts working days between dates, the inverse of adding', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween('2026-03-02', '2026-03-06')).toBe(4);
    expect(workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(workingDaysBetween('2026-03-09', '2026-03-06')).toBe(-1);
    expect(workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0); // Friday → Sunday
    for (const n of [0, 1, 3, 5, 9, 23, 60]) expect(workingDaysBetween('2026-03-04', addWorkingDays('2026-03-04', n))).toBe(n);
  });
});

describe('dependency cycles', () => {
  it('finds none in a DAG, and reports the closing path of one', () => {
    expect(
      findCycle(
        new Map([
          ['a', []],
          ['b', ['a']],
          ['c', ['a', 'b']],
        ]),
      ),
    ).toBeNull();
    expect(
      findCycle(
        new Map([
          ['a', ['c']],
          ['b', ['a']],
          ['c', ['b']],
        ]),
      ),
    ).toEqual(['a', 'c', 'b', 'a']);
    expect(findCycle(new Map([['a', ['a']]]))).toEqual(['a', 'a']);
    expect(
      findCycle(
        new Map([
          ['x', []],
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['b']],
        ]),
      ),
    ).toEqual(['b', 'c', 'b']);
  });

  it('ignores dependencies outside the graph', () => {
    expect(findCycle(new Map([['a', ['zzz']]]))).toBeNull();
  });
});

describe('laying out a plan from a template', () => {
  const tasks = [
    { key: 'kickoff', startOffsetDays: 0, durationDays: 1, dependsOn: [] },
    { key: 'requirements', startOffsetDays: 0, durationDays: 5, dependsOn: ['kickoff'] },
    { key: 'sso', startOffsetDays: 2, durationDays: 3, dependsOn: [] },
    { key: 'design', startOffsetDays: 0, durationDays: 3, dependsOn: ['requirements', 'sso'] },
    { key: 'golive', startOffsetDays: 0, durationDays: 1, dependsOn: ['design'] },
  ];

  it('starts free tasks at their offset and dependants the working day after the last dependency is due', () => {
    const plan = layoutPlan(tasks, '2026-03-02');
    expect(plan.get('kickoff')).toEqual({ key: 'kickoff', startDate: '2026-03-02', dueDate: '2026-03-02' });
    expect(plan.get('requirements')).toEqual({ key: 'requirements', startDate: '2026-03-03', dueDate: '2026-03-09' });
    expect(plan.get('sso')).toEqual({ key: 'sso', startDate: '2026-03-04', dueDate: '2026-03-06' });
    expect(plan.get('design')).toEqual({ key: 'design', startDate: '2026-03-10', dueDate: '2026-03-12' });
    expect(plan.get('golive')).toEqual({ key: 'golive', startDate: '2026-03-13', dueDate: '2026-03-13' });
    expect(planDurationDays(tasks)).toBe(10);
  });

  it('lays out from a weekend start as from the Monday after, in any task order', () => {
    const plan = layoutPlan([...tasks].reverse(), '2026-02-28');
    expect(plan.get('kickoff')!.startDate).toBe('2026-03-02');
    expect(plan.get('golive')!.dueDate).toBe('2026-03-13');
  });

  it('refuses a cyclic template', () => {
    expect(() =>
      layoutPlan(
        [
          { key: 'a', startOffsetDays: 0, durationDays: 1, dependsOn: ['b'] },
          { key: 'b', startOffsetDays: 0, durationDays: 1, dependsOn: ['a'] },
        ],
        '2026-03-02',
      ),
    ).toThrow(/cycle/);
  });
});

describe('projected go-live and slip', () => {
  const task = (
    id: string,
    startDate: string,
    dueDate: string,
    dependsOn: string[] = [],
    status: ScheduleTask['status'] = 'todo',
    completedAt: string | null = null,
  ): ScheduleTask => ({
    id,
    startDate,
    dueDate,
    status,
    completedAt,
    dependsOn,
  });

  it('is the target while the plan is on time (an early plan does not promise an earlier go-live)', () => {
    const s = projectSchedule(
      [task('a', '2026-03-02', '2026-03-06'), task('b', '2026-03-09', '2026-03-13', ['a'])],
      '2026-03-20',
      null,
      '2026-03-03',
    );
    expect(s).toMatchObject({ projectedGoLiveDate: '2026-03-20', slipDays: 0 });
    expect(s.projected.size).toBe(0);
  });

  it('re-plans an overdue task from today and pushes its dependants', () => {
    // a (5 days) should have been done on Friday 6th; today is Wednesday 11th and it has not started.
    const s = projectSchedule(
      [task('a', '2026-03-02', '2026-03-06'), task('b', '2026-03-09', '2026-03-13', ['a']), task('c', '2026-03-16', '2026-03-16', ['b'])],
      '2026-03-16',
      null,
      '2026-03-11',
    );
    expect(s.projected.get('a')).toEqual({ startDate: '2026-03-11', dueDate: '2026-03-17' });
    expect(s.projected.get('b')).toEqual({ startDate: '2026-03-18', dueDate: '2026-03-24' });
    expect(s.projected.get('c')).toEqual({ startDate: '2026-03-25', dueDate: '2026-03-25' });
    expect(s).toMatchObject({ projectedGoLiveDate: '2026-03-25', slipDays: 9 });
  });

  it('projects an overdue task in progress to finish today', () => {
    const s = projectSchedule(
      [task('a', '2026-03-02', '2026-03-06', [], 'in_progress'), task('b', '2026-03-09', '2026-03-10', ['a'])],
      '2026-03-10',
      null,
      '2026-03-09',
    );
    expect(s.projected.get('a')).toEqual({ startDate: '2026-03-02', dueDate: '2026-03-09' });
    expect(s.projected.get('b')).toEqual({ startDate: '2026-03-10', dueDate: '2026-03-11' });
    expect(s.slipDays).toBe(1);
  });

  it('uses the completion day of done tasks, and the actual go-live once there is one', () => {
    const late = projectSchedule(
      [task('a', '2026-03-02', '2026-03-06', [], 'done', '2026-03-12T16:00:00.000Z')],
      '2026-03-06',
      null,
      '2026-03-20',
    );
    expect(late).toMatchObject({ projectedGoLiveDate: '2026-03-12', slipDays: 6 });
    const early = projectSchedule(
      [task('a', '2026-03-02', '2026-03-06', [], 'done', '2026-03-04T16:00:00.000Z')],
      '2026-03-06',
      null,
      '2026-03-20',
    );
    expect(early).toMatchObject({ projectedGoLiveDate: '2026-03-04', slipDays: 0 });
    expect(projectSchedule([task('a', '2026-03-02', '2026-03-06')], '2026-03-06', '2026-03-10', '2026-03-20')).toMatchObject({
      projectedGoLiveDate: '2026-03-10',
      slipDays: 4,
    });
  });

  it('measures the go-live task when there is one, so work after it (hypercare) does not slip the go-live', () => {
    const tasks = [
      task('a', '2026-03-02', '2026-03-06'),
      task('live', '2026-03-09', '2026-03-09', ['a']),
      task('care', '2026-03-10', '2026-03-20', ['live']),
    ];
    expect(projectSchedule(tasks, '2026-03-09', null, '2026-03-03', 'live')).toMatchObject({
      projectedGoLiveDate: '2026-03-09',
      slipDays: 0,
    });
    expect(projectSchedule(tasks, '2026-03-09', null, '2026-03-03')).toMatchObject({ projectedGoLiveDate: '2026-03-20', slipDays: 11 });
    // Overdue work before the go-live pushes it.
    expect(projectSchedule(tasks, '2026-03-09', null, '2026-03-10', 'live')).toMatchObject({
      projectedGoLiveDate: '2026-03-17',
      slipDays: 8,
    });
    const live = [
      task('a', '2026-03-02', '2026-03-06', [], 'done', '2026-03-06T10:00:00Z'),
      task('live', '2026-03-09', '2026-03-09', ['a'], 'done', '2026-03-11T10:00:00Z'),
      task('care', '2026-03-10', '2026-03-20', ['live']),
    ];
    expect(projectSchedule(live, '2026-03-09', null, '2026-03-12', 'live')).toMatchObject({
      projectedGoLiveDate: '2026-03-11',
      slipDays: 2,
    });
  });

  it('has no slip without a target, and the target without tasks', () => {
    expect(projectSchedule([task('a', '2026-03-02', '2026-03-06')], null, null, '2026-03-20')).toMatchObject({
      projectedGoLiveDate: '2026-03-26',
      slipDays: null,
    });
    expect(projectSchedule([], '2026-04-01', null, '2026-03-20')).toMatchObject({ projectedGoLiveDate: '2026-04-01', slipDays: 0 });
    expect(projectSchedule([], null, null, '2026-03-20')).toMatchObject({ projectedGoLiveDate: null, slipDays: null });
  });
});

describe('budget burn-down', () => {
  it('subtracts hours logged per day and draws the ideal line from budget to zero at the target', () => {
    const points = burnDown(10, '2026-03-02', '2026-03-07', '2026-03-09', [
      { day: '2026-03-01', minutes: 60 }, // before the start: counts on the first day
      { day: '2026-03-03', minutes: 120 },
      { day: '2026-03-03', minutes: 30 },
      { day: '2026-03-05', minutes: 45 },
    ]);
    expect(points.map((p) => p.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
    ]);
    expect(points.map((p) => p.remainingHours)).toEqual([9, 6.5, 6.5, 5.75, 5.75, 5.75, 5.75, 5.75]);
    expect(points.map((p) => p.idealRemainingHours)).toEqual([10, 8, 6, 4, 2, 0, 0, 0]);
  });

  it('goes below zero over budget, keeps the ideal at the budget without a target, and has a point before the start', () => {
    const over = burnDown(1, '2026-03-02', null, '2026-03-03', [{ day: '2026-03-03', minutes: 90 }]);
    expect(over).toEqual([
      { date: '2026-03-02', remainingHours: 1, idealRemainingHours: 1 },
      { date: '2026-03-03', remainingHours: -0.5, idealRemainingHours: 1 },
    ]);
    expect(burnDown(5, '2026-03-10', '2026-03-20', '2026-03-01', [])).toEqual([
      { date: '2026-03-10', remainingHours: 5, idealRemainingHours: 5 },
    ]);
  });

  it('keeps the latest points when the span is long', () => {
    const points = burnDown(5, '2024-01-01', null, '2026-01-01', [], 10);
    expect(points).toHaveLength(10);
    expect(points.at(-1)!.date).toBe('2026-01-01');
  });
});

describe('time to value', () => {
  it('runs from contract start to go-live in calendar days and averages the known ones', () => {
    expect(timeToValueDays('2026-01-01', '2026-03-02')).toBe(60);
    expect(timeToValueDays(null, '2026-03-02')).toBeNull();
    expect(timeToValueDays('2026-03-02', null)).toBeNull();
    expect(averageDays([60, null, 45, 46])).toBe(50.3);
    expect(averageDays([null])).toBeNull();
  });
});
