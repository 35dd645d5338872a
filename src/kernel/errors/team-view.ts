import { make } from './make.js';

/**
 * Errors of the team module's view area (issue 17). Spread into the one catalogue in ../errors.ts.
 * Details name the request `field` a form shows the message under.
 */
export const teamViewErrors = {
  teamViewPeriodReversed: make(
    'team_view.period_reversed',
    400,
    'The period must start on or before its last day: choose an earlier "from" or a later "to".',
  ),
  teamViewPeriodTooLong: make(
    'team_view.period_too_long',
    400,
    'The team view covers at most 366 days: choose a later "from" or an earlier "to".',
  ),
};
