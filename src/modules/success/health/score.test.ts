import { describe, expect, it } from 'vitest';
import type { HealthMeasure } from '../contract/health.js';
import { DEFAULT_MODEL } from './default-model.js';
import { gradeOf, measureScore, overrideActive, scoreHealth, type ScoringModel } from './score.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const m = (metric: HealthMeasure['metric'], weight: number, good: number, bad: number): HealthMeasure => ({ metric, weight, good, bad });
const model = (measures: HealthMeasure[], greenMin = 70, yellowMin = 40): ScoringModel => ({ measures, greenMin, yellowMin });

describe('measureScore', () => {
  it('maps linearly from bad (0) to good (100) when lower is better', () => {
    const openTickets = { good: 0, bad: 15 };
    expect(measureScore(0, openTickets)).toBe(100);
    expect(measureScore(15, openTickets)).toBe(0);
    expect(measureScore(5, openTickets)).toBe(67);
  });

  it('maps linearly when higher is better', () => {
    const csat = { good: 4.5, bad: 3 };
    expect(measureScore(4.5, csat)).toBe(100);
    expect(measureScore(3, csat)).toBe(0);
    expect(measureScore(3.75, csat)).toBe(50);
  });

  it('clamps beyond either threshold, in both directions', () => {
    expect(measureScore(40, { good: 0, bad: 15 })).toBe(0);
    expect(measureScore(-3, { good: 0, bad: 15 })).toBe(100);
    expect(measureScore(5, { good: 4.5, bad: 3 })).toBe(100);
    expect(measureScore(1, { good: 4.5, bad: 3 })).toBe(0);
    expect(measureScore(-80, { good: 0, bad: -40 })).toBe(0);
    expect(measureScore(25, { good: 0, bad: -40 })).toBe(100);
  });
});

describe('gradeOf', () => {
  it('puts the cut-offs themselves in the better grade', () => {
    const cutOffs = { greenMin: 70, yellowMin: 40 };
    expect(gradeOf(70, cutOffs)).toBe('green');
    expect(gradeOf(69, cutOffs)).toBe('yellow');
    expect(gradeOf(40, cutOffs)).toBe('yellow');
    expect(gradeOf(39, cutOffs)).toBe('red');
    expect(gradeOf(100, cutOffs)).toBe('green');
    expect(gradeOf(0, cutOffs)).toBe('red');
  });
});

describe('scoreHealth', () => {
  it('is the weighted mean of the measures’ scores', () => {
    const r = scoreHealth(
      model([m('open_tickets', 30, 0, 10), m('sla_breaches_30d', 10, 0, 5)]),
      { open_tickets: 0, sla_breaches_30d: 5 },
      null,
      NOW,
    );
    // 30/40 × 100 + 10/40 × 0
    expect(r.computedScore).toBe(75);
    expect(r.computedGrade).toBe('green');
    expect(r.drivers.map((d) => [d.metric, d.score, d.pointsLost])).toEqual([
      ['sla_breaches_30d', 0, 25],
      ['open_tickets', 100, 0],
    ]);
  });

  it('leaves measures without data out of the score and lists them as missing', () => {
    const r = scoreHealth(
      model([m('open_tickets', 10, 0, 10), m('csat_average', 50, 4.5, 3), m('versions_behind', 40, 0, 4)]),
      { open_tickets: 5, csat_average: null },
      null,
      NOW,
    );
    expect(r.computedScore).toBe(50); // only open tickets counts
    expect(r.missing).toEqual(['csat_average', 'versions_behind']);
    expect(r.drivers.map((d) => d.metric)).toEqual(['open_tickets']);
    expect(r.drivers[0]!.pointsLost).toBe(50);
  });

  it('ignores measures of weight 0 and non-finite values', () => {
    const r = scoreHealth(
      model([m('open_tickets', 0, 0, 10), m('sla_breaches_30d', 10, 0, 5)]),
      { open_tickets: 10, sla_breaches_30d: Number.NaN },
      null,
      NOW,
    );
    expect(r.computedScore).toBeNull();
    expect(r.missing).toEqual(['open_tickets', 'sla_breaches_30d']);
  });

  it('has no score or grade when every measure lacks data', () => {
    const r = scoreHealth(DEFAULT_MODEL, {}, null, NOW);
    expect(r.score).toBeNull();
    expect(r.grade).toBeNull();
    expect(r.computedGrade).toBeNull();
    expect(r.drivers).toEqual([]);
    expect(r.missing).toHaveLength(DEFAULT_MODEL.measures.length);
  });

  it('points lost add up to 100 minus the score', () => {
    const r = scoreHealth(DEFAULT_MODEL, { open_tickets: 6, sla_breaches_30d: 2, days_since_interaction: 40, csat_average: 4 }, null, NOW);
    const lost = r.drivers.reduce((sum, d) => sum + d.pointsLost, 0);
    expect(Math.abs(100 - r.computedScore! - lost)).toBeLessThanOrEqual(1);
  });

  it('grades at the model’s cut-offs exactly', () => {
    const one = (value: number) => scoreHealth(model([m('feature_adoption', 1, 100, 0)], 70, 40), { feature_adoption: value }, null, NOW);
    expect(one(70).grade).toBe('green');
    expect(one(69).grade).toBe('yellow');
    expect(one(40).grade).toBe('yellow');
    expect(one(39).grade).toBe('red');
  });

  it('shows an override’s grade while it lasts, never changing the computed score', () => {
    const override = { grade: 'green' as const, expiresAt: '2026-03-01T12:00:00.001Z' };
    const r = scoreHealth(model([m('open_tickets', 1, 0, 10)]), { open_tickets: 10 }, override, NOW);
    expect(r.overridden).toBe(true);
    expect(r.grade).toBe('green');
    expect(r.computedGrade).toBe('red');
    expect(r.score).toBe(0);
  });

  it('ends the override at the exact instant it expires', () => {
    const override = { grade: 'green' as const, expiresAt: NOW.toISOString() };
    expect(overrideActive(override, new Date(NOW.getTime() - 1))).toBe(true);
    expect(overrideActive(override, NOW)).toBe(false);
    const r = scoreHealth(model([m('open_tickets', 1, 0, 10)]), { open_tickets: 10 }, override, NOW);
    expect(r.overridden).toBe(false);
    expect(r.grade).toBe('red');
    expect(overrideActive(null, NOW)).toBe(false);
  });
});

describe('the default model', () => {
  it('weighs every health metric once, with green at 70 and yellow at 40', () => {
    expect(DEFAULT_MODEL.greenMin).toBe(70);
    expect(DEFAULT_MODEL.yellowMin).toBe(40);
    expect(new Set(DEFAULT_MODEL.measures.map((x) => x.metric)).size).toBe(11);
    expect(DEFAULT_MODEL.measures.every((x) => x.weight > 0 && x.good !== x.bad)).toBe(true);
  });
});
