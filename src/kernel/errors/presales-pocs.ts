import { make } from './make.js';

/**
 * Errors of the presales module's proof-of-concept area (issue 16): the link between an engagement
 * and its deal, starting a PoC from a deal, and the win/loss window. Spread into the one catalogue
 * in ../errors.ts. Details name the request `field` a form shows the message under.
 */
export const presalesPocsErrors = {
  engagementOpportunityNotOnAccount: make(
    'engagements.opportunity_not_on_account',
    422,
    'The opportunity must be a deal of the engagement’s own account: pick one of that account’s opportunities.',
  ),
  pocOpportunityClosed: make(
    'pocs.opportunity_closed',
    409,
    'This opportunity is closed: reopen it (change its stage) before starting a proof of concept on it.',
  ),
  winLossWindowInvalid: make('pocs.window_invalid', 422, 'The window’s start ("from") must be on or before its end ("to").'),
};
