/**
 * The team module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { createMember, findMemberRow, findMemberRowByEmail, getMember, rolesOf, setPassword } from './members/member-service.js';
export { engagementTime, logTime } from './time/time-entry-service.js';
export { TIME_CATEGORIES } from './time/tables.js';
export type { TimeTotals } from './time/time-entry-service.js';
export { ticketTime } from './time/time-entry-service.js';
export { teamPlugin } from './plugin.js';
export { memberRefs, memberRoleSets, type MemberRef } from './members/member-reads.js';
