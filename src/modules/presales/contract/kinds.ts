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
