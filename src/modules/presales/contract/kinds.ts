/** The presales module's value lists (issue 16), shared by the server, the contract and the web app. */

/** Where a deal stands; `closed_won` and `closed_lost` close it. */
export const OPPORTUNITY_STAGES = [
  'discovery',
  'qualification',
  'technical_validation',
  'proposal',
  'negotiation',
  'closed_won',
  'closed_lost',
] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
export const CLOSED_STAGES: readonly OpportunityStage[] = ['closed_won', 'closed_lost'];

/** The technical win: the customer's technical team agrees the product meets their needs. `lost` carries a reason. */
export const TECHNICAL_WIN_STATUSES = ['not_started', 'in_progress', 'won', 'lost'] as const;
export type TechnicalWinStatus = (typeof TECHNICAL_WIN_STATUSES)[number];

/** What an account executive asks the pre-sales team for on a deal. */
export const DEAL_SUPPORT_KINDS = ['demo', 'poc', 'rfp', 'architecture_review', 'other'] as const;
export type DealSupportKind = (typeof DEAL_SUPPORT_KINDS)[number];

/** A deal-support request's life: `new` → `accepted` → `in_progress` → `done`, or `declined` (with a reason). */
export const DEAL_SUPPORT_STATUSES = ['new', 'accepted', 'in_progress', 'done', 'declined'] as const;
export type DealSupportStatus = (typeof DEAL_SUPPORT_STATUSES)[number];
/** The statuses that still ask work of the assignee (they count in the engineer's load). */
export const OPEN_DEAL_SUPPORT_STATUSES: readonly DealSupportStatus[] = ['new', 'accepted', 'in_progress'];

/** How the audience took a demo. */
export const DEMO_OUTCOMES = ['positive', 'neutral', 'negative'] as const;
export type DemoOutcome = (typeof DEMO_OUTCOMES)[number];
