/**
 * The zendesk module's public face (issue 18): coming from Zendesk without losing a thing — the
 * importer, and a Zendesk-compatible API under /api/v2. It sits above every other module and
 * composes them; nothing imports it but the composition root and the CLI.
 */
export { zendeskPlugin } from './plugin.js';
export { stripJsonSuffix } from './api/http/urls.js';
export { importZendesk, type ImportReport } from './import/import-zendesk.js';
export { formatImportReport } from './import/import-report.js';
export { FolderSource } from './import/folder-source.js';
export { LiveSource } from './import/live-source.js';
export type { ZendeskSource } from './import/zendesk-source.js';
export { zendeskError } from './api/http/zendesk-errors.js';
