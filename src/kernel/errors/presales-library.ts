import { make } from './make.js';

/** Errors of the presales module's answer library (issue 16), spread into the one catalogue in ../errors.ts. */
export const presalesLibraryErrors = {
  libraryEntryNotFound: make('library.entry_not_found', 404, 'No answer library entry with this id.'),
  libraryVariantNotFound: make('library.variant_not_found', 404, 'This entry has no variant with this id.'),
  libraryOwnerUnknown: make(
    'library.owner_unknown',
    422,
    'The owner must be an active member of the team: pick one from the list, or leave the owner empty.',
  ),
  libraryNotOwner: make(
    'library.not_owner',
    403,
    'Only the entry’s owner or a library manager (presales.manage) can do this: ask the owner, or a sales engineer or solutions architect.',
  ),
  libraryApproveNeedsManager: make(
    'library.approve_needs_manager',
    403,
    'Approving library answers needs the presales.manage permission (sales engineers, solutions architects, admins): save it as a draft and ask one of them to approve it.',
  ),
  libraryStatusConflict: (message: string, details: Record<string, unknown> = {}) => make('library.status_conflict', 409, message)(details),
  libraryVariantDuplicate: make('library.variant_duplicate', 409, 'This entry already has this phrasing (as its question or a variant).'),
  libraryDeleteInUse: make(
    'library.delete_in_use',
    409,
    'Only drafts that no questionnaire has used can be deleted; archive this entry instead, so the answers drawn from it keep their source.',
  ),
  libraryImportNoFile: make('library.import_no_file', 400, 'Attach the spreadsheet as the multipart field "file" (XLSX or CSV).'),
  libraryImportUnreadable: (reason: string) =>
    make(
      'library.import_unreadable',
      422,
      `The file could not be read as a spreadsheet: ${reason}. Upload an .xlsx workbook or a UTF-8 .csv file.`,
    )({
      reason,
    }),
  libraryImportNoQuestionColumn: make(
    'library.import_no_question_column',
    422,
    'No column of the header row is called "Question": name the question column "Question" (and the others "Variants", "Short answer", "Long answer", "Product area", "Tags", "Owner e-mail").',
  ),
  libraryImportSheetNotFound: make('library.import_sheet_not_found', 422, 'The workbook has no sheet with this name.'),
  libraryImportTooManyRows: make(
    'library.import_too_many_rows',
    413,
    'One import takes at most 5,000 rows: split the file and import the parts one after the other.',
  ),
};
