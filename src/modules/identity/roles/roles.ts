/**
 * The role catalogue (DESIGN §1) and what each role may do. A role decides permissions and the
 * home screen, never what data exists. Permissions are checked on the server for every route.
 */
import { PERMISSIONS, type Permission } from '../../../kernel/permissions.js';
import { ROLES, ROLE_LABELS, type Role } from '../contract/roles.js';

export { PERMISSIONS, ROLES, ROLE_LABELS, type Permission, type Role };

const READ: Permission[] = ['accounts.read', 'members.read', 'tickets.read', 'feedback.read'];
// Everyone who works with customers records contacts and interactions, and works cases. Whoever
// fixes a case can write the fix up as an article (Tier 1 solves most routine ones); articles start
// as internal drafts and every edit is audited. Stakeholders only read.
const CUSTOMER_FACING: Permission[] = [
  ...READ,
  'contacts.write',
  'interactions.write',
  'tickets.write',
  'knowledge.write',
  'feedback.write',
];
// Those who own the commercial relationship also create and edit accounts and their team.
// They also run the feature requests their customers' feedback rolls up into (status, merge, ship, UAT).
// They also act on health: overrides, licences and the playbook tasks it creates (issue 15).
const ACCOUNT_OWNERS: Permission[] = [...CUSTOMER_FACING, 'accounts.write', 'feedback.manage', 'success.write'];
// Engineers who install, configure and upgrade the product in customers' environments run
// engagements and keep the environment registry; the leads of that work also curate templates and
// the release catalogue. Tier 2 records environments and upgrades as they diagnose cases.
const DELIVERY: Permission[] = ['delivery.write', 'environments.write'];
const DELIVERY_LEADS: Permission[] = [...DELIVERY, 'delivery.manage'];
// Deals need experts beyond the sales engineers: a security questionnaire goes to Tier 2 and to
// the engineers who deliver, so they may answer (presales.write); the deal team curates (manage).
const PRESALES: Permission[] = ['presales.write'];
const PRESALES_LEADS: Permission[] = [...PRESALES, 'presales.manage'];

const GRANTS: Record<Role, Permission[]> = {
  support_tier1: CUSTOMER_FACING,
  // Tier 2 writes the scripts (runbooks, shared macros) Tier 1 follows.
  support_tier2: [...CUSTOMER_FACING, 'runbooks.manage', 'environments.write', ...PRESALES],
  implementation: [...CUSTOMER_FACING, ...DELIVERY_LEADS, ...PRESALES],
  professional_services: [...CUSTOMER_FACING, ...DELIVERY_LEADS, ...PRESALES],
  field: [...CUSTOMER_FACING, ...DELIVERY],
  // Forward-deployed engineers are the product team's voice of the customer: they run requests and UAT rounds too.
  forward_deployed: [...CUSTOMER_FACING, ...DELIVERY, 'feedback.manage', ...PRESALES],
  solutions_architect: [...ACCOUNT_OWNERS, ...DELIVERY, ...PRESALES_LEADS],
  sales_engineer: [...ACCOUNT_OWNERS, ...DELIVERY, ...PRESALES_LEADS],
  technical_account_manager: [...ACCOUNT_OWNERS, ...DELIVERY, ...PRESALES],
  customer_success: [...ACCOUNT_OWNERS, ...DELIVERY, ...PRESALES],
  stakeholder: READ,
  // Internal staff (issue 17) read the customer graph and attend interactions (an engineer joins a
  // customer call, a product manager runs a discovery session). Product managers run the feature
  // requests; the IT help desk works its (internal) tickets by the script; engineering managers
  // see where their team's time goes.
  software_engineer: [...READ, 'interactions.write'],
  engineering_manager: [...READ, 'interactions.write', 'time.manage'],
  product_manager: [...READ, 'interactions.write', 'feedback.write', 'feedback.manage'],
  it_helpdesk: [...READ, 'interactions.write', 'tickets.write', 'knowledge.write'],
  admin: [...PERMISSIONS],
};

/** The union of what the given roles grant. */
export function permissionsFor(roles: readonly string[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of GRANTS[role as Role] ?? []) granted.add(p);
  return granted;
}
