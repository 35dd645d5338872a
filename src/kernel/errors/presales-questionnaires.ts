/**
 * Errors of the presales module's questionnaires area (issue 16), spread into the one catalogue in
 * ../errors.ts. Declare each with `make` from ./make.js, e.g.
 * `opportunityNotFound: make('opportunities.not_found', 404, 'No opportunity with this id.')`.
 */
export const presalesQuestionnairesErrors = {};
