/**
 * The search module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { searchDocument, type SearchDocument, type SearchSelection } from './documents.js';
export { indexDocuments, indexMessageDocument, indexTicketDocument, reindexAll, removeFromIndex, searchDocuments } from './service.js';
export { configureSearch, type SearchPorts, type SearchSource } from './ports.js';
export { searchPlugin } from './plugin.js';
