import { make } from './make.js';

/**
 * Errors of the Zendesk importer (issue 18). Spread into the one catalogue in ../errors.ts.
 * Details name the request `field` a form shows the message under.
 */
export const zendeskImportErrors = {
  importRunNotFound: make('zendesk_import.run_not_found', 404, 'No import run with this id.'),
  zendeskExportFolderMissing: make(
    'zendesk_import.folder_missing',
    400,
    'This folder does not exist or holds no Zendesk export (organizations, users, tickets… as .json or .jsonl files).',
  ),
  zendeskSourceFailed: make(
    'zendesk_import.source_failed',
    502,
    'The Zendesk API refused a request the import needs; check the URL, the e-mail and the API token, then run the import again (it resumes).',
  ),
};
