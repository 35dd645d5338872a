/**
 * The one error catalogue. Each entry has a stable code, an HTTP status and a message a person
 * can act on; routes and services throw by name (`throw errors.accountNotFound()`), and the
 * server's error handler turns every error into `{"error": {"code", "message", "details"}}`.
 */
import { AppError } from './errors/make.js';
import { requestsErrors } from './errors/requests.js';
import { identityErrors } from './errors/identity.js';
import { platformErrors } from './errors/platform.js';
import { teamErrors } from './errors/team.js';
import { accountsErrors } from './errors/accounts.js';
import { supportErrors } from './errors/support.js';
import { deliveryErrors } from './errors/delivery.js';
import { feedbackErrors } from './errors/feedback.js';
import { successErrors } from './errors/success.js';
import { presalesOpportunitiesErrors } from './errors/presales-opportunities.js';
import { presalesPocsErrors } from './errors/presales-pocs.js';
import { presalesSolutionsErrors } from './errors/presales-solutions.js';
import { presalesLibraryErrors } from './errors/presales-library.js';
import { presalesQuestionnairesErrors } from './errors/presales-questionnaires.js';
import { presalesCollateralErrors } from './errors/presales-collateral.js';
import { teamTimeErrors } from './errors/team-time.js';
import { teamProfileErrors } from './errors/team-profile.js';
import { teamViewErrors } from './errors/team-view.js';
import { zendeskApiErrors } from './errors/zendesk-api.js';
import { zendeskPeopleErrors } from './errors/zendesk-people.js';
import { zendeskSearchErrors } from './errors/zendesk-search.js';
import { zendeskImportErrors } from './errors/zendesk-import.js';
import { spreadsheetImportErrors } from './errors/spreadsheet-import.js';
import { ticketFieldsErrors } from './errors/ticket-fields.js';
import { listExportErrors } from './errors/list-export.js';

export { AppError };

export const errors = {
  ...requestsErrors,
  ...identityErrors,
  ...platformErrors,
  ...teamErrors,
  ...accountsErrors,
  ...supportErrors,
  ...deliveryErrors,
  ...feedbackErrors,
  ...successErrors,
  // presales (issue 16): one file per area, so areas built in parallel do not edit one map
  ...presalesOpportunitiesErrors,
  ...presalesPocsErrors,
  ...presalesSolutionsErrors,
  ...presalesLibraryErrors,
  ...presalesQuestionnairesErrors,
  ...presalesCollateralErrors,
  // team (issue 17): one file per area, like presales
  ...teamTimeErrors,
  ...teamProfileErrors,
  ...teamViewErrors,
  // issue 18: one file per area
  ...zendeskApiErrors,
  ...zendeskPeopleErrors,
  ...zendeskSearchErrors,
  ...zendeskImportErrors,
  ...spreadsheetImportErrors,
  ...ticketFieldsErrors,
  ...listExportErrors,
};
