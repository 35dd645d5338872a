/**
 * The presales module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { presalesPlugin } from './plugin.js';
