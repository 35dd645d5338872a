import { describe, expect, it } from 'vitest';
import { TIME_CATEGORIES, type TimeCategory } from '../contract/time-entries.js';
import { nearestRole, type WorkMix } from './nearest-role.js';

function mix(signals: Record<string, number>, minutes: Partial<Record<TimeCategory, number>>): WorkMix {
  const minutesByCategory = Object.fromEntries(TIME_CATEGORIES.map((c) => [c, minutes[c] ?? 0])) as Record<TimeCategory, number>;
  return {
    signals: new Map(Object.entries(signals)),
    minutesByCategory,
    totalMinutes: Object.values(minutesByCategory).reduce((a, b) => a + b, 0),
  };
}

describe('the nearest role', () => {
  it('is Tier 1 for a queue of Tier 1 tickets worked by the script', () => {
    const r = nearestRole(mix({ ticket_tier1: 48 }, { routine: 700, engineering: 100, internal: 200 }));
    expect(r).toEqual({
      role: 'support_tier1',
      label: 'Support engineer, Tier 1',
      why: '48 Tier 1 tickets and 70 % routine.',
    });
  });

  it('is the IT help desk when the tickets come from the company’s own staff', () => {
    expect(nearestRole(mix({ ticket_internal: 30 }, { routine: 800, internal: 200 }))?.role).toBe('it_helpdesk');
  });

  it('reads the kind of engagements and the deals worked', () => {
    const hands = { engineering: 600, customer: 300, internal: 100 };
    expect(nearestRole(mix({ engagement_implementation: 2, account_team_implementation: 4 }, hands))?.role).toBe('implementation');
    expect(nearestRole(mix({ engagement_forward_deployment: 1 }, hands))?.role).toBe('forward_deployed');
    expect(nearestRole(mix({ engagement_field_visit: 3 }, hands))?.role).toBe('field');
    expect(nearestRole(mix({ opportunity_sales_engineer: 4, engagement_proof_of_concept: 2 }, hands))?.role).toBe('sales_engineer');
    expect(nearestRole(mix({ opportunity_solutions_architect: 3 }, hands))?.role).toBe('solutions_architect');
    expect(nearestRole(mix({ account_team_technical_account_manager: 6 }, { customer: 600, management: 400 }))?.why).toBe(
      'On 6 account teams as technical account manager and 60 % customer time.',
    );
  });

  it('tells the internal roles apart by their time alone', () => {
    expect(nearestRole(mix({}, { engineering: 850, internal: 150 }))?.role).toBe('software_engineer');
    expect(nearestRole(mix({}, { management: 550, engineering: 150, internal: 300 }))?.role).toBe('engineering_manager');
    expect(nearestRole(mix({}, { customer: 350, internal: 450, management: 150, engineering: 50 }))?.role).toBe('product_manager');
  });

  it('is none without any evidence', () => {
    expect(nearestRole(mix({}, {}))).toBeNull();
  });

  it('gives a tie to a role the member holds', () => {
    const m = mix({ account_team_technical_account_manager: 3, account_team_customer_success: 3 }, { customer: 100 });
    expect(nearestRole(m, ['customer_success'])?.role).toBe('customer_success');
    expect(nearestRole(m, ['technical_account_manager'])?.role).toBe('technical_account_manager');
  });
});
