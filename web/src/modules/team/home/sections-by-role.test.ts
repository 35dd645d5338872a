import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../../../src/modules/identity/contract/roles';
import { sectionsFor, SECTIONS_BY_ROLE } from './sections-by-role';

describe('home sections by role', () => {
  it('gives every role but admin at least one section', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) expect(SECTIONS_BY_ROLE[role]?.length, role).toBeGreaterThan(0);
  });

  it('shows the sections of each of several roles once, in the order of the roles', () => {
    expect(sectionsFor(['technical_account_manager', 'customer_success'])).toEqual([
      'account-health',
      'account-escalations',
      'reviews-renewals',
    ]);
    expect(sectionsFor(['support_tier2', 'support_tier1'])).toEqual(['escalations-in', 'my-queue', 'runbooks', 'unassigned-queue']);
    expect(sectionsFor(['engineering_manager', 'product_manager'])).toEqual(['ranked-requests', 'engineering-issues', 'team-time']);
  });

  it('gives an admin or an unknown role no role sections', () => {
    expect(sectionsFor(['admin'])).toEqual([]);
    expect(sectionsFor(['astronaut'])).toEqual([]);
  });
});
