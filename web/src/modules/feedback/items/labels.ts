import {
  FEEDBACK_SOURCES,
  IMPACT_WEIGHTS,
  IMPACTS,
  type FeedbackSource,
  type Impact,
} from '../../../../../src/modules/feedback/contract/kinds';

/** Display names for feedback items' enums; the values come from the server's contract (kinds.ts). */

export { FEEDBACK_SOURCES, IMPACT_WEIGHTS, IMPACTS, type FeedbackSource, type Impact };

export const IMPACT_LABELS: Record<Impact, string> = { blocker: 'Blocker', important: 'Important', nice_to_have: 'Nice to have' };
export const IMPACT_COLORS: Record<Impact, string> = { blocker: 'red', important: 'orange', nice_to_have: 'gray' };

export const SOURCE_LABELS: Record<FeedbackSource, string> = {
  ticket: 'Ticket',
  interaction: 'Interaction',
  poc_criterion: 'PoC criterion',
  engagement_task: 'Engagement task',
  opportunity: 'Opportunity',
  questionnaire_question: 'Questionnaire',
  uat_result: 'UAT result',
  manual: 'Entered by hand',
};
