import { describe, expect, it } from 'vitest';
import type { Phase, Task } from './api';
import { planGroups } from './plan-groups';

const phase = (id: string, position: number): Phase => ({ id, name: `Phase ${id}`, position, startDate: null, endDate: null });
const task = (id: string, phaseId: string | null, position: number): Task => ({
  id,
  engagementId: 'eng-1',
  phaseId,
  position,
  title: id,
  description: null,
  owner: null,
  customerVisible: false,
  milestone: false,
  startDate: '2026-11-23',
  dueDate: '2026-11-24',
  status: 'todo',
  completedAt: null,
  dependsOn: [],
  blockedBy: [],
  overdue: false,
  loggedMinutes: 0,
  commentCount: 0,
});

const shape = (groups: ReturnType<typeof planGroups>) => groups.map((g) => [g.phase?.id ?? null, g.tasks.map((t) => t.id)]);

describe('planGroups (the plan as the team reads it)', () => {
  it('lists phases in order, each with its tasks in order', () => {
    const engagement = {
      phases: [phase('build', 2), phase('discovery', 1), phase('golive', 3)],
      tasks: [task('b2', 'build', 2), task('d1', 'discovery', 1), task('b1', 'build', 1), task('d0', 'discovery', 0)],
    };
    expect(shape(planGroups(engagement))).toEqual([
      ['discovery', ['d0', 'd1']],
      ['build', ['b1', 'b2']],
      ['golive', []],
    ]);
  });

  it('puts tasks without a phase, or whose phase is gone, in a last group of their own', () => {
    const engagement = {
      phases: [phase('discovery', 1)],
      tasks: [task('orphan', 'deleted-phase', 5), task('d', 'discovery', 0), task('loose', null, 1)],
    };
    expect(shape(planGroups(engagement))).toEqual([
      ['discovery', ['d']],
      [null, ['loose', 'orphan']],
    ]);
  });

  it('has no loose group when every task sits in a phase, and no groups for an empty plan', () => {
    expect(shape(planGroups({ phases: [phase('p', 0)], tasks: [task('t', 'p', 0)] }))).toEqual([['p', ['t']]]);
    expect(planGroups({ phases: [], tasks: [] })).toEqual([]);
    expect(shape(planGroups({ phases: [], tasks: [task('t', null, 0)] }))).toEqual([[null, ['t']]]);
  });

  it('leaves the engagement’s own lists in their order', () => {
    const engagement = { phases: [phase('b', 2), phase('a', 1)], tasks: [task('t2', 'a', 2), task('t1', 'a', 1)] };
    planGroups(engagement);
    expect(engagement.phases.map((p) => p.id)).toEqual(['b', 'a']);
    expect(engagement.tasks.map((t) => t.id)).toEqual(['t2', 't1']);
  });
});
