import type { Permission } from './roles.js';

/**
 * Who may call a route: anyone (`public`), any signed-in member or token (`signed_in`), a holder
 * of one permission, or a customer contact signed in to the portal (`portal`). Every /api route
 * must declare it; the server refuses to start a
 * route that does not, so no route can escape the permission check.
 */
export type RouteAccess = 'public' | 'signed_in' | 'portal' | Permission;

/** One API route and its declared access, for tests that must cover every route. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}
