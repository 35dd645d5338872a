import {
  CUSTOMER_ROLES,
  INTERACTION_KINDS,
  LIFECYCLE_STAGES,
  SEGMENTS,
  type InteractionKind,
} from '../../../../src/modules/accounts/contract/kinds';

/** Display names for the accounts module's enums; the values come from the server's contract (kinds.ts). */

export { CUSTOMER_ROLES, INTERACTION_KINDS, SEGMENTS, LIFECYCLE_STAGES as STAGES, type InteractionKind };
export type Segment = (typeof SEGMENTS)[number];
export const SEGMENT_LABELS: Record<Segment, string> = {
  strategic: 'Strategic',
  enterprise: 'Enterprise',
  mid_market: 'Mid-market',
  smb: 'SMB',
};

export type Stage = (typeof LIFECYCLE_STAGES)[number];
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

export type CustomerRole = (typeof CUSTOMER_ROLES)[number];
export const CUSTOMER_ROLE_LABELS: Record<CustomerRole, string> = {
  decision_maker: 'Decision maker',
  champion: 'Champion',
  end_user: 'End user',
  it_admin: 'IT admin',
};

export const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
