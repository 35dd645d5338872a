import { make } from './make.js';

/**
 * Errors of the presales module's solutions area (issue 16): requirements and their import,
 * solution designs, the rate card and statements of work. Spread into the one catalogue in
 * ../errors.ts. Details name the request `field` a form shows the message under.
 */
export const presalesSolutionsErrors = {
  requirementNotFound: make('requirements.not_found', 404, 'No requirement with this id.'),
  requirementReferenceTaken: make(
    'requirements.reference_taken',
    409,
    'Another requirement of this opportunity already has this reference: use a different one, or edit that requirement.',
  ),
  requirementsNotOfOpportunity: make(
    'requirements.not_of_opportunity',
    422,
    'Some of the requirements named are not this opportunity’s (or do not exist): reload the list and try again.',
  ),
  requirementsOrderIncomplete: make(
    'requirements.order_incomplete',
    422,
    'Send every requirement of the opportunity exactly once, in the new order: the list changed since it was loaded, reload it.',
  ),
  importFileMissing: make('requirements.import_file_missing', 400, 'Send the spreadsheet as multipart/form-data in the field "file".'),
  importFileUnreadable: make(
    'requirements.import_file_unreadable',
    422,
    'The file cannot be read as a spreadsheet: upload an .xlsx workbook or a UTF-8 CSV file.',
  ),
  importOldExcel: make(
    'requirements.import_old_excel',
    422,
    'Old .xls workbooks cannot be read: open it in Excel, save it as .xlsx (or CSV) and upload that.',
  ),
  importMappingInvalid: make(
    'requirements.import_mapping_invalid',
    400,
    'The column mapping is not valid: send the field "mapping" as JSON with "headerRow" and at least the "text" column.',
  ),
  importSheetNotFound: make(
    'requirements.import_sheet_not_found',
    422,
    'The workbook has no sheet with this name: pick one of its sheets.',
  ),
  importSheetEmpty: make(
    'requirements.import_sheet_empty',
    422,
    'This sheet has no rows below the header row: pick the sheet (or the header row) that holds the requirements.',
  ),
  importTooManyRows: make(
    'requirements.import_too_many_rows',
    422,
    'The sheet has more rows than one import takes (10,000): split it into several files.',
  ),
  designNotFound: make('solution_designs.not_found', 404, 'No solution design with this id.'),
  designVersionNotFound: make('solution_designs.version_not_found', 404, 'This design has no version with this number.'),
  designVersionConflict: make(
    'solution_designs.version_conflict',
    409,
    'Someone saved a newer version of this design while you were editing: open the latest version, merge your changes and save again.',
  ),
  rateCardRoleNotFound: make('rate_card.not_found', 404, 'No rate-card role with this id.'),
  rateCardRoleInUse: make(
    'rate_card.role_in_use',
    409,
    'Statements of work are priced with this role, so it cannot be deleted: mark it inactive instead.',
  ),
  sowNotFound: make('statements_of_work.not_found', 404, 'No statement of work with this id.'),
  sowNotDraft: make(
    'statements_of_work.not_draft',
    409,
    'Only a draft statement of work can be changed: this one has been sent. Copy it into a new draft to change it.',
  ),
  sowNotSent: make(
    'statements_of_work.not_sent',
    409,
    'Only a sent statement of work can be accepted or declined: send it first (a decided one stays as it was decided).',
  ),
  sowAlreadyAccepted: make(
    'statements_of_work.already_accepted',
    409,
    'This statement of work is already accepted and has its engagement: open the engagement instead.',
  ),
  sowEmpty: make('statements_of_work.empty', 422, 'Add at least one scope item with hours before sending the statement of work.'),
  sowRoleUnknown: make(
    'statements_of_work.role_unknown',
    422,
    'A scope item names a rate-card role that does not exist: pick a role from the rate card.',
  ),
  sowRoleInactive: make(
    'statements_of_work.role_inactive',
    422,
    'A scope item names an inactive rate-card role: pick an active role, or ask a rate-card manager to re-activate it.',
  ),
  sowCurrencyMismatch: make(
    'statements_of_work.currency_mismatch',
    422,
    'Every scope item’s role must be priced in the statement of work’s currency: pick roles of one currency.',
  ),
};
