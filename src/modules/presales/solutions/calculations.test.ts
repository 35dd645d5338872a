import { describe, expect, it } from 'vitest';
import { lineDiff } from './designs/line-diff.js';
import { GAP_IMPACT, gapTitle } from './gap-feedback.js';
import { fitSummary } from './requirements/fit-summary.js';
import { sowFileName, sowMarkdown } from './sow/sow-document.js';
import { sowTotals } from './sow/sow-totals.js';

describe('fit summary', () => {
  it('counts fits and priorities, the share met natively or by configuration, must-have gaps and requirements without a design', () => {
    const s = fitSummary([
      { fit: 'native', priority: 'must', hasDesign: true },
      { fit: 'configuration', priority: 'should', hasDesign: true },
      { fit: 'gap', priority: 'must', hasDesign: false },
      { fit: 'gap', priority: 'could', hasDesign: false },
      { fit: 'roadmap', priority: 'should', hasDesign: true },
      { fit: 'unassessed', priority: 'should', hasDesign: false },
    ]);
    expect(s).toMatchObject({
      total: 6,
      assessed: 5,
      mustGaps: 1,
      withoutDesign: 3,
      coveredPercent: 33.3,
      coveredOfAssessedPercent: 40,
    });
    expect(s.byFit).toEqual({ unassessed: 1, native: 1, configuration: 1, customisation: 0, gap: 2, roadmap: 1 });
    expect(s.byPriority).toEqual({ must: 2, should: 3, could: 1 });
  });

  it('has no percentages without requirements', () => {
    expect(fitSummary([])).toMatchObject({ total: 0, coveredPercent: null, coveredOfAssessedPercent: null });
  });
});

describe('statement of work totals', () => {
  it('sums hours and the items’ amounts rounded to the cent', () => {
    expect(
      sowTotals([
        { hours: 10, hourlyRate: 220 },
        { hours: 2.5, hourlyRate: 165 },
        { hours: 0.33, hourlyRate: 140.01 },
      ]),
    ).toEqual({
      amounts: [2200, 412.5, 46.2],
      totalHours: 12.83,
      totalAmount: 2658.7,
    });
    expect(sowTotals([])).toEqual({ amounts: [], totalHours: 0, totalAmount: 0 });
  });

  it('prints as Markdown with a scope table whose pipes are escaped, and gets a plain file name', () => {
    const sow = {
      id: 's',
      opportunityId: 'o',
      title: 'Rollout: phase 1 | EU',
      summary: 'Deploy the suite.',
      assumptions: '- Customer provides VPN access',
      outOfScope: '',
      currency: 'EUR',
      status: 'sent' as const,
      items: [
        {
          id: 'i',
          position: 0,
          description: 'SSO | SCIM',
          roleId: 'r',
          roleName: 'Architect',
          hourlyRate: 200,
          hours: 8,
          amount: 1600,
          rateChanged: false,
        },
      ],
      totalHours: 8,
      totalAmount: 1600,
      sentAt: '2026-03-01T10:00:00.000Z',
      decidedAt: null,
      decidedBy: null,
      declineReason: null,
      engagement: null,
      createdBy: null,
      createdAt: '',
      updatedAt: '',
    };
    const md = sowMarkdown({ sow, accountName: 'Maple', dealName: 'Suite' });
    expect(md).toContain('| 1 | SSO \\| SCIM | Architect | 8 h | €200.00/h | €1,600.00 |');
    expect(md).toContain('**Status:** Sent on 2026-03-01');
    expect(md).toContain('## Out of scope\n\nNone stated.');
    expect(sowFileName(sow, 'pdf')).toBe('Rollout-phase-1-EU.pdf');
  });
});

describe('design version diff', () => {
  it('keeps common lines and shows what was removed and added', () => {
    expect(lineDiff('# Design\nA\nB\nC', '# Design\nA\nX\nC\nD')).toEqual([
      { op: 'same', text: '# Design' },
      { op: 'same', text: 'A' },
      { op: 'removed', text: 'B' },
      { op: 'added', text: 'X' },
      { op: 'same', text: 'C' },
      { op: 'added', text: 'D' },
    ]);
  });

  it('falls back to removing then adding the middle when it is too large to compare', () => {
    const lines = lineDiff('a\nb\nc', 'a\nx\nc', 1);
    expect(lines.map((l) => l.op)).toEqual(['same', 'removed', 'added', 'same']);
  });
});

describe('a gap as feedback', () => {
  it('is titled by its reference and first line, at most 200 characters, with the impact its priority says', () => {
    expect(gapTitle('R-7', 'Keys in our own HSM\nwith rotation')).toBe('R-7: Keys in our own HSM');
    expect(gapTitle(null, 'x'.repeat(300))).toHaveLength(200);
    expect(GAP_IMPACT).toEqual({ must: 'blocker', should: 'important', could: 'nice_to_have' });
  });
});
