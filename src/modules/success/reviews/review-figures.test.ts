import { describe, expect, it } from 'vitest';
import { daysBetween, engagementFigures, periodInstants, slaAttainment, ticketFigures, type TicketFact } from './review-figures.js';
import { inlineRuns, markdownBlocks } from './pdf/markdown-pdf.js';

const ticket = (over: Partial<TicketFact>): TicketFact => ({
  id: `t${Math.random()}`,
  number: 1,
  subject: 'Export fails',
  priority: 'normal',
  status: 'open',
  createdAt: '2026-10-01T09:00:00.000Z',
  solvedAt: null,
  tags: [],
  hasSlaTargets: true,
  slaBreached: false,
  ...over,
});

describe('business review figures', () => {
  it('counts SLA attainment over tickets with targets only', () => {
    const figures = slaAttainment([ticket({}), ticket({ slaBreached: true }), ticket({ hasSlaTargets: false, slaBreached: false })]);
    expect(figures).toEqual({ ticketsWithTargets: 2, ticketsMet: 1, attainment: 50 });
    expect(slaAttainment([ticket({ hasSlaTargets: false })]).attainment).toBeNull();
  });

  it('lists every priority, ranks tags as top issues and falls back to subjects without tags', () => {
    const asOf = new Date('2026-10-11T09:00:00Z');
    const tagged = ticketFigures(
      [ticket({ priority: 'urgent', tags: ['sso'] }), ticket({ tags: ['export', 'sso'], status: 'solved' }), ticket({ priority: 'low' })],
      asOf,
    );
    expect(tagged.byPriority.map((p) => p.count)).toEqual([1, 0, 1, 1]);
    expect(tagged.topIssues[0]).toEqual({ label: 'sso', count: 2 });
    expect(tagged.solved).toBe(1);
    expect(tagged.longestOpen[0]!.daysOpen).toBe(10);
    const untagged = ticketFigures(
      [ticket({ subject: 'Slow  search' }), ticket({ subject: 'Slow search' }), ticket({ subject: 'Other' })],
      asOf,
    );
    expect(untagged.topIssues[0]).toEqual({ label: 'Slow search', count: 2 });
  });

  it('measures time to value from the start to go-live', () => {
    const [e] = engagementFigures([
      {
        id: 'e',
        name: 'Onboarding',
        kind: 'onboarding',
        status: 'completed',
        startDate: '2026-09-01',
        targetGoLiveDate: '2026-09-30',
        actualGoLiveDate: '2026-10-11',
        tasks: 4,
        tasksDone: 3,
      },
    ]);
    expect(e).toMatchObject({ percentDone: 75, daysToValue: 40 });
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(periodInstants('2026-10-01', '2026-10-31')).toEqual({ from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
  });

  it('reads the Markdown subset the PDF renders', () => {
    expect(markdownBlocks('# Title\nfirst line\nsecond line\n\n- one\n2. two')).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'first line second line' },
      { kind: 'item', marker: '•', text: 'one' },
      { kind: 'item', marker: '2.', text: 'two' },
    ]);
    expect(inlineRuns('a **bold** [link](https://x.test)')).toEqual([
      { text: 'a ', bold: false },
      { text: 'bold', bold: true },
      { text: ' link (https://x.test)', bold: false },
    ]);
  });
});
