/**
 * The search module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { DOCUMENT_LOADERS } from './documents.js';
export { searchIndexOf } from './search-index.js';
export { indexAccount, indexArticle, indexContact, indexMessage, indexOpenedTicket, indexTicket, reindexAll, removeFromIndex, searchDocuments } from './service.js';
export { searchPlugin } from './plugin.js';
