import { describe, expect, it } from 'vitest';
import { activeUsersInWindow, activeUserTrend, adoptionWindows, featureAdoption, seatUtilisation } from './adoption-calculator.js';

describe('adoption arithmetic', () => {
  it('compares today and the 29 days before with the 30 days before that', () => {
    expect(adoptionWindows(new Date('2025-03-31T23:59:00Z'))).toEqual({
      current: { from: '2025-03-02' },
      previous: { from: '2025-01-31', to: '2025-03-01' },
    });
  });

  it('counts licensed features used, and lists the unused ones; null without licences', () => {
    expect(featureAdoption(['sso', 'api', 'reports'], new Set(['reports', 'exports']))).toEqual({
      featureAdoption: 33.3,
      unusedFeatures: ['api', 'sso'],
    });
    expect(featureAdoption([], new Set(['reports']))).toEqual({ featureAdoption: null, unusedFeatures: [] });
  });

  it('takes the larger of named distinct users and the largest reported count', () => {
    expect(activeUsersInWindow(12, 0)).toBe(12);
    expect(activeUsersInWindow(0, 40)).toBe(40);
    expect(activeUsersInWindow(12, 40)).toBe(40);
  });

  it('gives a trend only against a baseline', () => {
    expect(activeUserTrend(15, 20)).toBe(-25);
    expect(activeUserTrend(0, 20)).toBe(-100);
    expect(activeUserTrend(5, 0)).toBeNull();
    expect(activeUserTrend(0, 0)).toBeNull();
  });

  it('shows seats in use without capping at 100, null without seats', () => {
    expect(seatUtilisation(12, 10)).toBe(120);
    expect(seatUtilisation(3, null)).toBeNull();
    expect(seatUtilisation(3, 0)).toBeNull();
  });
});
