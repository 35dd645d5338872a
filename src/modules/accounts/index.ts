/**
 * The accounts module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { CUSTOMER_ROLES, LIFECYCLE_STAGES, SEGMENTS } from './contract/kinds.js';
export type { InteractionKind } from './contract/kinds.js';
export { DEFAULT_RELATIONSHIP_RULES, assessRelationship } from './relationship-depth.js';
export {
  accountExists,
  accountIdForEmail,
  createAccount,
  createContact,
  ensureContact,
  findContact,
  findContactByEmail,
  getAccount,
  listAccounts,
  listContacts,
  logInteraction,
  refreshAllRelationships,
  refreshRelationship,
  setAccountTeam,
} from './service.js';
export { configureAccounts, type AccountsPorts } from './ports.js';
export { accountsPlugin } from './plugin.js';
export { portalContactDirectory } from './portal-contacts.js';
export { accountRefs, contactRefs, type AccountRef, type ContactRef } from './account-reads.js';
export { accountTeamSlots, accountTeamsOf, contactRolesOf } from './account-reads.js';
export {
  accountSearchSource,
  contactSearchSource,
  loadAccountSearchDocuments,
  loadContactSearchDocuments,
} from './account-search-documents.js';
export { accountFigures, interactionRef, interactionRefs, type InteractionRef } from './interaction-refs.js';
export { correctInteraction, type InteractionCorrection } from './interaction-edits.js';
export { accountOwners, accountsOwnedBy, accountsToScore, lastInteractions } from './health-figures.js';
export type { AccountToScore } from './health-figures.js';
export { renewalFigures, type RenewalFigures } from './renewal-figures.js';
export { accountIdsInSegment } from './segment-accounts.js';
export { accountsByNameOrDomain, contactsByEmail, findAccount, type AccountDirectory } from './spreadsheet-import/account-lookups.js';
export { accountTimeLinks, interactionTimeLinks } from './time-link.js';
export { accountProfileFacts, accountTeamWorkMix, interactionsAttendedBy } from './profile-sources.js';
export { importAccounts, domainOwners, type ImportedAccount, type ImportedAccountResult } from './import/import-accounts.js';
export { importContacts, contactAccounts, type ImportedContact, type ImportedContactResult } from './import/import-contacts.js';
export {
  apiAccounts,
  apiAccountPage,
  apiAccountCount,
  updateAccount,
  type ApiAccount,
  type ApiAccountFilter,
} from './compat/api-accounts.js';
export {
  apiContacts,
  apiContactPage,
  apiContactCount,
  moveContact,
  updateContact,
  type ApiContact,
  type ApiContactFilter,
} from './compat/api-contacts.js';
export { contactChanges, type ContactChange } from './compat/contact-changes.js';
export { accountChanges, type AccountChange } from './compat/account-changes.js';
