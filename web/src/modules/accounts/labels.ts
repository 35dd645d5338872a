/** Display names for the accounts module's enums (the server's kinds.ts holds the values). */

export const SEGMENTS = ['strategic', 'enterprise', 'mid_market', 'smb'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const SEGMENT_LABELS: Record<Segment, string> = {
  strategic: 'Strategic',
  enterprise: 'Enterprise',
  mid_market: 'Mid-market',
  smb: 'SMB',
};

export const STAGES = ['prospect', 'onboarding', 'adoption', 'expansion', 'renewal', 'at_risk', 'churned'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  prospect: 'Prospect',
  onboarding: 'Onboarding',
  adoption: 'Adoption',
  expansion: 'Expansion',
  renewal: 'Renewal',
  at_risk: 'At risk',
  churned: 'Churned',
};
export const STAGE_COLORS: Record<Stage, string> = {
  prospect: 'gray',
  onboarding: 'blue',
  adoption: 'cyan',
  expansion: 'teal',
  renewal: 'violet',
  at_risk: 'orange',
  churned: 'red',
};

export const INTERACTION_KINDS = ['meeting', 'call', 'email', 'site_visit', 'training', 'demo', 'workshop', 'business_review'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const KIND_LABELS: Record<InteractionKind, string> = {
  meeting: 'Meeting',
  call: 'Call',
  email: 'E-mail',
  site_visit: 'Site visit',
  training: 'Training',
  demo: 'Demo',
  workshop: 'Workshop',
  business_review: 'Business review',
};
export const KIND_COLORS: Record<InteractionKind, string> = {
  meeting: 'blue',
  call: 'cyan',
  email: 'gray',
  site_visit: 'orange',
  training: 'grape',
  demo: 'pink',
  workshop: 'teal',
  business_review: 'violet',
};

export const CUSTOMER_ROLES = ['decision_maker', 'champion', 'end_user', 'it_admin'] as const;
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];
export const CUSTOMER_ROLE_LABELS: Record<CustomerRole, string> = {
  decision_maker: 'Decision maker',
  champion: 'Champion',
  end_user: 'End user',
  it_admin: 'IT admin',
};

export const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
