export const INTERACTION_KINDS = ['meeting', 'call', 'email', 'site_visit', 'training', 'demo', 'workshop', 'business_review'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const SEGMENTS = ['strategic', 'enterprise', 'mid_market', 'smb'] as const;
export const LIFECYCLE_STAGES = ['prospect', 'onboarding', 'adoption', 'expansion', 'renewal', 'at_risk', 'churned'] as const;
export const CUSTOMER_ROLES = ['decision_maker', 'champion', 'end_user', 'it_admin'] as const;
