import { AppError, make } from './make.js';

/**
 * Errors of the presales module's collateral area (issue 16), spread into the one catalogue in
 * ../errors.ts.
 */
export const presalesCollateralErrors = {
  collateralNotFound: make('collateral.not_found', 404, 'No collateral item with this id.'),
  collateralVersionNotFound: make('collateral.version_not_found', 404, 'No version with this id on this collateral item.'),
  collateralFileMissing: make(
    'collateral.file_missing',
    400,
    'Send the file as multipart/form-data in a field named "file" (and, for a new item, its details as JSON in a field named "metadata").',
  ),
  collateralMetadataMissing: make(
    'collateral.metadata_missing',
    400,
    'Send the item’s details as JSON in the multipart field "metadata", e.g. {"title": "…", "kind": "case_study"}.',
  ),
  collateralFieldTooLarge: make('collateral.field_too_large', 413, 'A form field of this upload is longer than 100,000 characters.'),
  collateralFileEmpty: make('collateral.file_empty', 422, 'The file is empty: choose the document itself, not a shortcut to it.'),
  collateralFileTooLarge: (limitBytes: number) =>
    new AppError(
      'collateral.too_large',
      413,
      `The file is larger than the ${Math.round(limitBytes / 1024 / 1024)} MiB a collateral file may be; compress its images or split it.`,
      { limitBytes },
    ),
  collateralTypeNotAllowed: (details: { filename: string; reason: string; detected: string | null }) =>
    new AppError(
      'collateral.type_not_allowed',
      415,
      `This file cannot be collateral (${details.reason}). Upload a PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), PNG, JPEG, Markdown or text file.`,
      details,
    ),
  collateralArchived: make(
    'collateral.archived',
    409,
    'This item is archived: restore it (set its status to current) before uploading a version or sending it.',
  ),
  collateralTooLargeToEmail: (limitBytes: number) =>
    new AppError(
      'collateral.too_large_to_email',
      413,
      `This version is larger than the ${Math.round((limitBytes / 1024 / 1024) * 10) / 10} MiB a mail may carry: send it without contacts (record only) and share the file another way, or upload a smaller version.`,
      { limitBytes },
    ),
  collateralSendNotFound: make('collateral.send_not_found', 404, 'No collateral send with this id on this opportunity.'),
  collateralContactNotOnAccount: make(
    'collateral.contact_not_on_account',
    422,
    'Every contact the collateral went to must belong to the opportunity’s account.',
  ),
};
