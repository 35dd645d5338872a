/**
 * The identity module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export {
  contactContext,
  requestSignInLink,
  resolvePortalSession,
  setPortalAccess,
  setPortalPassword,
  signInWithLink,
  signInWithPassword,
  signOutPortal,
} from './portal-access/portal-auth-service.js';
export type { PortalContact } from './portal-access/portal-auth-service.js';
export { portalAccessDisabled } from './portal-access/portal-access-reads.js';
export { ROLES, ROLE_LABELS, permissionsFor } from './roles/roles.js';
export type { Permission, Role } from './roles/roles.js';
export type { RouteAccess, RouteEntry } from './roles/route-access.js';
export { PORTAL_COOKIE, authPlugin, authenticate } from './sessions/auth-plugin.js';
export { MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from './sessions/passwords.js';
export { RATE_LIMIT_EXPIRY_PASS_MS, countAttempt, deleteEndedRateLimitWindows } from './sign-in-limits/rate-limit-store.js';
export { addressSignInLimit } from './sign-in-limits/address-limit.js';
export { securityPlugin, signInRateLimit } from './sign-in-limits/security-plugin.js';
export { identityPlugin } from './plugin.js';
export { revokeMemberSessions } from './sessions/auth-service.js';
export {
  configureIdentity,
  type IdentityPorts,
  type MemberCredentials,
  type MemberDirectory,
  type PortalContactDirectory,
  type PortalContactRecord,
} from './ports.js';
