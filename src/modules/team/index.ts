/**
 * The team module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { createMember, findMemberRow, findMemberRowByEmail, getMember, rolesOf, setPassword } from './members/member-service.js';
export { engagementTime, logTime } from './time/time-entry-service.js';
export { TIME_CATEGORIES } from './contract/time-entries.js';
export type { TimeTotals } from './time/time-entry-service.js';
export { ticketTime } from './time/time-entry-service.js';
export { teamPlugin } from './plugin.js';
export { memberDirectory } from './members/member-directory.js';
export { memberRefs, memberRoleSets, type MemberRef } from './members/member-reads.js';
export { engagementTimeline, minutesByEngagement, minutesByTask } from './time/time-reads.js';
export { releaseTaskTime } from './time/time-entry-service.js';
export { configureTeam } from './ports.js';
export { memberProfile, memberProfiles, roleProfileRules } from './profile/profile-service.js';
export { recordTimeHistory, type HistoricalTimeEntry } from './profile/time-history.js';
export { importMembers, type ImportedMember, type ImportedMemberResult } from './import/import-members.js';
export {
  apiMembers,
  apiMemberPage,
  apiMemberCount,
  updateMember,
  type ApiMember,
  type ApiMemberRole,
  type ApiMemberFilter,
} from './compat/api-members.js';
export { memberChanges, type MemberChange } from './compat/member-changes.js';
