import { describe, expect, it } from 'vitest';
import { canMove, isOverdue } from './deal-support-rules.js';
import { engineerLoad, weekEndOf } from './engineer-load.js';
import { closedAtAfter, technicalWinAfter } from './opportunity-rules.js';

describe('closing a deal', () => {
  const now = '2026-05-06T10:00:00.000Z';
  it('sets closedAt on entering a closed stage, keeps it between closed stages, clears it on reopening', () => {
    expect(closedAtAfter(null, 'discovery', now)).toBeNull();
    expect(closedAtAfter(null, 'closed_won', now)).toBe(now);
    expect(closedAtAfter({ stage: 'proposal', closedAt: null }, 'closed_lost', now)).toBe(now);
    expect(closedAtAfter({ stage: 'closed_won', closedAt: '2026-01-01T00:00:00.000Z' }, 'closed_lost', now)).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(closedAtAfter({ stage: 'closed_won', closedAt: '2026-01-01T00:00:00.000Z' }, 'negotiation', now)).toBeNull();
  });
});

describe('the technical win', () => {
  it('needs a reason when lost, keeps a reason given, and drops an old one when the status changes without one', () => {
    expect(technicalWinAfter({ status: 'in_progress', reason: null }, { status: 'lost' })).toEqual({
      status: 'lost',
      reason: null,
      reasonMissing: true,
    });
    expect(technicalWinAfter({ status: 'in_progress', reason: null }, { status: 'lost', reason: '  ' }).reasonMissing).toBe(true);
    expect(technicalWinAfter({ status: 'in_progress', reason: null }, { status: 'lost', reason: ' No SSO ' })).toEqual({
      status: 'lost',
      reason: 'No SSO',
      reasonMissing: false,
    });
    expect(technicalWinAfter({ status: 'lost', reason: 'No SSO' }, {})).toEqual({ status: 'lost', reason: 'No SSO', reasonMissing: false });
    expect(technicalWinAfter({ status: 'lost', reason: 'No SSO' }, { reason: null }).reasonMissing).toBe(true);
    expect(technicalWinAfter({ status: 'lost', reason: 'No SSO' }, { status: 'won' })).toEqual({
      status: 'won',
      reason: null,
      reasonMissing: false,
    });
  });
});

describe('deal-support statuses', () => {
  it('move forward, can be handed back, reopened after done, and asked again after a decline', () => {
    expect(canMove('new', 'accepted')).toBe(true);
    expect(canMove('accepted', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'done')).toBe(true);
    expect(canMove('accepted', 'new')).toBe(true);
    expect(canMove('done', 'in_progress')).toBe(true);
    expect(canMove('declined', 'new')).toBe(true);
    expect(canMove('done', 'declined')).toBe(false);
    expect(canMove('declined', 'done')).toBe(false);
    expect(canMove('in_progress', 'new')).toBe(false);
    expect(canMove('done', 'done')).toBe(true);
  });
  it('are overdue only while open and past their due date', () => {
    expect(isOverdue({ status: 'new', dueDate: '2026-05-05' }, '2026-05-06')).toBe(true);
    expect(isOverdue({ status: 'new', dueDate: '2026-05-06' }, '2026-05-06')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-05-01' }, '2026-05-06')).toBe(false);
    expect(isOverdue({ status: 'accepted', dueDate: null }, '2026-05-06')).toBe(false);
  });
});

describe("an engineer's load", () => {
  it('ends the week on Sunday', () => {
    expect(weekEndOf('2026-05-04')).toBe('2026-05-10'); // Monday
    expect(weekEndOf('2026-05-06')).toBe('2026-05-10'); // Wednesday
    expect(weekEndOf('2026-05-10')).toBe('2026-05-10'); // Sunday
  });

  it('counts open requests, their hours, those due this week and those overdue; idle engineers show zero', () => {
    const today = '2026-05-06';
    const load = engineerLoad(
      [
        { assigneeId: 'a', status: 'new', dueDate: '2026-05-01', estimatedHours: 4 },
        { assigneeId: 'a', status: 'in_progress', dueDate: '2026-05-06', estimatedHours: 8 },
        { assigneeId: 'a', status: 'accepted', dueDate: '2026-05-10', estimatedHours: null },
        { assigneeId: 'a', status: 'accepted', dueDate: '2026-05-11', estimatedHours: 2.5 },
        { assigneeId: 'a', status: 'done', dueDate: '2026-05-02', estimatedHours: 40 },
        { assigneeId: 'b', status: 'declined', dueDate: '2026-05-02', estimatedHours: 40 },
        { assigneeId: null, status: 'new', dueDate: null, estimatedHours: 3 },
      ],
      today,
      ['b', 'c'],
    );
    expect(load.weekEnds).toBe('2026-05-10');
    expect(load.byEngineer.get('a')).toEqual({ openRequests: 4, estimatedHoursOpen: 14.5, unestimated: 1, dueThisWeek: 2, overdue: 1 });
    expect(load.byEngineer.get('b')).toEqual({ openRequests: 0, estimatedHoursOpen: 0, unestimated: 0, dueThisWeek: 0, overdue: 0 });
    expect(load.byEngineer.has('c')).toBe(true);
    expect(load.unassigned).toEqual({ openRequests: 1, estimatedHoursOpen: 3, unestimated: 0, dueThisWeek: 0, overdue: 0 });
  });
});
