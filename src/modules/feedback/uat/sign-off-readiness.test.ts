import { describe, expect, it } from 'vitest';
import { signOffReadiness, type CaseOutcomes } from './sign-off-readiness.js';

const c = (id: string, outcomes: CaseOutcomes['outcomes']): CaseOutcomes => ({ id, title: `Case ${id}`, position: Number(id), outcomes });

describe('UAT sign-off readiness', () => {
  it('is ready when every case has results and all of them pass', () => {
    expect(signOffReadiness([c('1', ['pass']), c('2', ['pass', 'pass'])])).toEqual({
      ready: true,
      untestedCases: [],
      failingCases: [],
      reason: null,
    });
  });

  it('refuses a round without cases', () => {
    const r = signOffReadiness([]);
    expect(r.ready).toBe(false);
    expect(r.reason).toBe('the round has no test cases yet.');
  });

  it('names the cases nobody has tested', () => {
    const r = signOffReadiness([c('1', ['pass']), c('2', [])]);
    expect(r.ready).toBe(false);
    expect(r.untestedCases).toEqual([{ id: '2', name: 'Case 2', position: 2 }]);
    expect(r.reason).toBe('1 case has no result yet (“Case 2”).');
  });

  it('refuses while any invitee’s current result on a case is a failure, even if others passed', () => {
    const r = signOffReadiness([c('1', ['pass', 'fail']), c('2', ['pass'])]);
    expect(r.ready).toBe(false);
    expect(r.failingCases.map((x) => x.id)).toEqual(['1']);
    expect(r.reason).toContain('1 case has a failure');
  });

  it('gives both reasons, and shortens long lists', () => {
    const r = signOffReadiness([c('1', []), c('2', []), c('3', []), c('4', []), c('5', ['fail'])]);
    expect(r.reason).toBe(
      '4 cases have no result yet (“Case 1”, “Case 2”, “Case 3” and 1 more); 1 case has a failure that has not been re-tested as a pass (“Case 5”).',
    );
  });
});
