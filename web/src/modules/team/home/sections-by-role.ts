/**
 * Which sections open the home screen for each role (issue 17): the role's key responsibilities,
 * in the order they matter. A member with several roles gets the sections of each, once, in the
 * order of their roles. Roles without sections here (admin) keep the team and portfolio overview.
 */
export const SECTION_IDS = [
  'my-queue',
  'unassigned-queue',
  'runbooks',
  'escalations-in',
  'my-engagements',
  'tasks-due',
  'environments-behind',
  'budget-burn',
  'visits-this-week',
  'strategic-accounts',
  'feedback-logged',
  'requirements-to-assess',
  'designs-in-progress',
  'deal-support',
  'pocs',
  'questionnaires-due',
  'account-health',
  'account-escalations',
  'reviews-renewals',
  'ranked-requests',
  'engineering-issues',
  'team-time',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

const PRODUCT_AND_ENGINEERING: SectionId[] = ['ranked-requests', 'engineering-issues'];
const ACCOUNT_CARE: SectionId[] = ['account-health', 'account-escalations', 'reviews-renewals'];

export const SECTIONS_BY_ROLE: Record<string, SectionId[]> = {
  support_tier1: ['my-queue', 'runbooks', 'unassigned-queue'],
  it_helpdesk: ['my-queue', 'runbooks', 'unassigned-queue'],
  support_tier2: ['escalations-in', 'my-queue'],
  implementation: ['my-engagements', 'tasks-due', 'environments-behind'],
  professional_services: ['budget-burn', 'my-engagements', 'tasks-due'],
  field: ['visits-this-week', 'my-engagements', 'tasks-due'],
  forward_deployed: ['strategic-accounts', 'feedback-logged', 'my-engagements'],
  solutions_architect: ['requirements-to-assess', 'designs-in-progress'],
  sales_engineer: ['deal-support', 'pocs', 'questionnaires-due'],
  technical_account_manager: ACCOUNT_CARE,
  customer_success: ACCOUNT_CARE,
  stakeholder: PRODUCT_AND_ENGINEERING,
  software_engineer: PRODUCT_AND_ENGINEERING,
  product_manager: PRODUCT_AND_ENGINEERING,
  engineering_manager: [...PRODUCT_AND_ENGINEERING, 'team-time'],
};

/** The sections of every role the member holds, each once, in the order of their roles. */
export function sectionsFor(roles: readonly string[]): SectionId[] {
  const seen = new Set<SectionId>();
  for (const role of roles) for (const id of SECTIONS_BY_ROLE[role] ?? []) seen.add(id);
  return [...seen];
}
