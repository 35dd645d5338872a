/** The role catalogue (DESIGN §1), shared with the web app. What each role may do is in roles/roles.ts. */
export const ROLES = [
  'support_tier1',
  'support_tier2',
  'implementation',
  'professional_services',
  'field',
  'forward_deployed',
  'solutions_architect',
  'sales_engineer',
  'technical_account_manager',
  'customer_success',
  'stakeholder',
  // Internal roles (issue 17): they log time and attend interactions, but are not customer-facing
  // by role; whether someone works as a customer-facing engineer is the role profile's verdict.
  'software_engineer',
  'engineering_manager',
  'product_manager',
  'it_helpdesk',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  support_tier1: 'Support engineer, Tier 1',
  support_tier2: 'Support engineer, Tier 2',
  implementation: 'Implementation engineer',
  professional_services: 'Professional services engineer',
  field: 'Field engineer',
  forward_deployed: 'Forward deployed engineer',
  solutions_architect: 'Solutions architect',
  sales_engineer: 'Sales / pre-sales engineer',
  technical_account_manager: 'Technical account manager',
  customer_success: 'Customer success engineer',
  stakeholder: 'Engineering / product stakeholder',
  software_engineer: 'Software engineer',
  engineering_manager: 'Engineering manager',
  product_manager: 'Product manager',
  it_helpdesk: 'IT help-desk agent',
  admin: 'Admin',
};

/** The shortest password a member or a portal contact may set. */
export const MIN_PASSWORD_LENGTH = 10;
