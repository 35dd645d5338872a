import { make } from './make.js';

/**
 * Errors of the team module's profile area (issue 17). Spread into the one catalogue in ../errors.ts.
 * Details name the request `field` a form shows the message under.
 */
export const teamProfileErrors = {
  profileOfOthersForbidden: make(
    'profiles.of_others_forbidden',
    403,
    'You can see only your own role profile; other members’ profiles need the time.manage permission (admins and engineering managers).',
  ),
  profilePeriodInvalid: make(
    'profiles.period_invalid',
    422,
    'The period must start on or before its end ("from" ≤ "to") and cover at most 366 days.',
  ),
};
