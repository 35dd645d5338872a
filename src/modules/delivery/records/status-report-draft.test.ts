import { describe, expect, it } from 'vitest';
import { addDays, composeStatusReport, type DraftInput, type DraftTask } from './status-report-draft.js';
import { markdownToHtml } from './markdown-html.js';

const today = '2026-03-20';
const at = (day: string) => `${day}T15:00:00.000Z`;
const task = (id: string, extra: Partial<DraftTask>): DraftTask => ({
  id,
  title: id,
  status: 'todo',
  startDate: addDays(today, -30),
  dueDate: addDays(today, 30),
  completedAt: null,
  milestone: false,
  owner: null,
  dependsOn: [],
  ...extra,
});

function input(tasks: DraftTask[], extra: Partial<DraftInput> = {}): DraftInput {
  return {
    engagement: {
      name: 'Globex rollout',
      status: 'active',
      budgetHours: 100,
      targetGoLiveDate: '2026-05-01',
      projectedGoLiveDate: '2026-05-01',
      slipDays: 0,
    },
    tasks,
    loggedMinutesInPeriod: 600,
    loggedMinutesToDate: 3000,
    periodStart: '2026-03-09',
    periodEnd: '2026-03-20',
    today,
    ...extra,
  };
}

describe('status report draft', () => {
  const tasks = [
    task('Kick-off held', { status: 'done', completedAt: at('2026-03-10'), milestone: true }),
    task('Requirements signed', { status: 'done', completedAt: at('2026-03-02') }),
    task('Configure SSO', { dueDate: '2026-03-25', owner: { type: 'member', id: 'm1', name: 'Priya' } }),
    task('Data migration', { dueDate: '2026-05-20' }),
    task('Firewall rules', { dueDate: '2026-03-18', status: 'in_progress' }),
    task('Customer provides test users', { dueDate: '2026-03-24', owner: { type: 'contact', id: 'c1', name: 'Alice' } }),
    task('Test logins', { startDate: '2026-03-25', dueDate: '2026-03-27', dependsOn: ['Customer provides test users'] }),
    task('Open ports', { startDate: '2026-03-19', dueDate: '2026-03-26', dependsOn: ['Firewall rules'] }),
    task('Go-live', { dueDate: '2026-05-01', milestone: true }),
  ];

  it('lists what was done in the period, what is due next, the risks and the decisions the customer owes', () => {
    const draft = composeStatusReport(input(tasks));
    const ids = (lines: { id: string }[]) => lines.map((l) => l.id);
    expect(ids(draft.figures.done)).toEqual(['Kick-off held']);
    // Next: open, due from today to two weeks after the period end (the period is shorter than that).
    expect(ids(draft.figures.next)).toEqual(['Customer provides test users', 'Configure SSO', 'Open ports', 'Test logins']);
    expect(ids(draft.figures.overdue)).toEqual(['Firewall rules']);
    // "Test logins" waits too, but it has not started yet; "Open ports" should have.
    expect(ids(draft.figures.blocked)).toEqual(['Open ports']);
    expect(draft.figures.decisions).toEqual([
      {
        id: 'Customer provides test users',
        title: 'Customer provides test users',
        dueDate: '2026-03-24',
        owner: 'Alice',
        reason: 'blocks_others',
      },
    ]);
    expect(draft.figures.milestonesReached.map((m) => m.id)).toEqual(['Kick-off held']);
    expect(draft.figures.milestonesUpcoming.map((m) => m.id)).toEqual(['Go-live']);
    expect(draft.sections.done).toBe('- Kick-off held (2026-03-10)');
    expect(draft.sections.risks).toContain('**Overdue:** Firewall rules (due 2026-03-18)');
    expect(draft.sections.risks).toContain('**Blocked:** Open ports — waiting on Firewall rules');
    expect(draft.sections.decisions).toBe('- Customer provides test users — Alice, other work waits on it');
    expect(draft.sections.next).toContain('Customer provides test users — due 2026-03-24 — Alice (your side)');
    // An overdue task makes the engagement at risk.
    expect(draft.overallStatus).toBe('at_risk');
  });

  it('counts hours in the period and to date against the budget', () => {
    const draft = composeStatusReport(input(tasks));
    expect(draft.figures.budget).toEqual({
      budgetHours: 100,
      loggedHoursInPeriod: 10,
      loggedHoursToDate: 50,
      remainingHours: 50,
      burnPercent: 50,
    });
    expect(draft.figures.tasks).toEqual({ done: 2, total: 9, doneInPeriod: 1, overdue: 1, blocked: 1 });
    expect(draft.sections.budget).toContain('- Hours logged to date: 50 h of 100 h budgeted (50%)');
    // 50 % of the budget burnt with 22 % of the tasks done is more than 15 points ahead.
    expect(draft.sections.risks).toContain('**Budget:** 50% of the budget is used with 22% of the tasks done.');
  });

  it('is on track with nothing late, off track over budget or slipping more than two weeks', () => {
    const calm = [task('A', { status: 'done', completedAt: at('2026-03-12') }), task('B', { dueDate: '2026-03-30' })];
    expect(composeStatusReport(input(calm, { loggedMinutesToDate: 1800 })).overallStatus).toBe('on_track');
    expect(composeStatusReport(input(calm, { loggedMinutesToDate: 101 * 60 })).overallStatus).toBe('off_track');
    const slipping = {
      name: 'X',
      status: 'active',
      budgetHours: 100,
      targetGoLiveDate: '2026-05-01',
      projectedGoLiveDate: '2026-05-20',
      slipDays: 19,
    };
    const draft = composeStatusReport(input(calm, { engagement: slipping, loggedMinutesToDate: 1800 }));
    expect(draft.overallStatus).toBe('off_track');
    expect(draft.sections.risks).toContain('go-live is projected for 2026-05-20, 19 days after the target of 2026-05-01');
  });

  it('judges a past period from its end, not from today', () => {
    const draft = composeStatusReport(input(tasks, { periodStart: '2026-03-01', periodEnd: '2026-03-07' }));
    expect(draft.figures.asOf).toBe('2026-03-07');
    expect(draft.figures.done.map((d) => d.id)).toEqual(['Requirements signed']);
    expect(draft.figures.overdue).toEqual([]);
  });
});

describe('mail Markdown', () => {
  it('renders headings, lists, bold and links, and escapes everything else', () => {
    const html = markdownToHtml(
      '## Done\n- **SSO** live, see [runbook](https://wiki.example.com/sso)\n- <script>alert(1)</script>\n\nPlain & simple',
    );
    expect(html).toBe(
      '<h3>Done</h3>\n<ul>\n<li><strong>SSO</strong> live, see <a href="https://wiki.example.com/sso">runbook</a></li>\n<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>\n</ul>\n<p>Plain &amp; simple</p>',
    );
    expect(markdownToHtml('[x](javascript:alert(1))')).not.toContain('href');
  });
});
