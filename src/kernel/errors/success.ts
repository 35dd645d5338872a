import { AppError, make } from './make.js';

/**
 * Errors of the success module: playbook rules and tasks, success plans and business reviews.
 * Spread into the one catalogue in ../errors.ts.
 */
export const successErrors = {
  // success: playbooks
  playbookRuleNotFound: make('playbook_rules.not_found', 404, 'No playbook rule with this id.'),
  successTaskNotFound: make('success_tasks.not_found', 404, 'No success task with this id.'),
  successTaskClosed: make('success_tasks.closed', 409, 'This task is closed and cannot be changed or reopened; create a new task instead.'),
  successTaskStepNotFound: (index: number, count: number) =>
    new AppError('success_tasks.step_not_found', 422, `This task has ${count} step(s), numbered from 0: there is no step ${index}.`, {
      field: 'steps',
    }),
  successTaskAssigneeUnknown: make('success_tasks.assignee_unknown', 422, 'The assignee is not an active member; pick another member.'),
  // success: plans
  successPlanNotFound: make('success_plans.not_found', 404, 'No success plan with this id.'),
  successPlanOwnerUnknown: make('success_plans.owner_unknown', 422, 'The owner is not an active member; pick another member.'),
  successPlanEngagementForeign: make(
    'success_plans.engagement_foreign',
    422,
    "A linked engagement does not exist or belongs to another account: link only this account's engagements.",
  ),
  successPlanObjectiveUnknown: make(
    'success_plans.objective_unknown',
    422,
    'An objective id is not one of this plan’s objectives: leave the id out to add a new objective.',
  ),
  // success: business reviews
  businessReviewNotFound: make('business_reviews.not_found', 404, 'No business review with this id.'),
  businessReviewSent: make(
    'business_reviews.sent',
    409,
    'This business review was sent to the customer and is read-only: generate a new review to change it.',
  ),
  businessReviewPeriodInvalid: (message: string, field: string) => new AppError('business_reviews.period_invalid', 422, message, { field }),
  businessReviewContactNotOfAccount: (contactIds: string[]) =>
    new AppError(
      'business_reviews.contact_not_of_account',
      422,
      'Every recipient must be a contact of this account: remove the others and send again.',
      { field: 'contactIds', contactIds },
    ),
};
