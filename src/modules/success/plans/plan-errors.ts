import { AppError } from '../../../kernel/errors.js';

// The success plans' and renewals' entries of the error catalogue, in the catalogue's shape. They
// belong in src/kernel/errors.ts; kept here until the lead moves them.
const make =
  (code: string, status: number, message: string) =>
  (details: Record<string, unknown> = {}) =>
    new AppError(code, status, message, details);

export const planErrors = {
  planNotFound: make('success_plans.not_found', 404, 'No success plan with this id.'),
  ownerUnknown: make('success_plans.owner_unknown', 422, 'The owner is not an active member; pick another member.'),
  engagementForeign: make(
    'success_plans.engagement_foreign',
    422,
    "A linked engagement does not exist or belongs to another account: link only this account's engagements.",
  ),
  objectiveUnknown: make(
    'success_plans.objective_unknown',
    422,
    'An objective id is not one of this plan’s objectives: leave the id out to add a new objective.',
  ),
};
