import type { Permission } from './permissions.js';

/** Who is making a request, resolved once per request by the auth plugin. */
export interface Actor {
  type: 'member' | 'token';
  /** The member acting, or on whose behalf the token acts. */
  memberId: string;
  tokenId: string | null;
  name: string;
  email: string;
  roles: string[];
  permissions: Set<Permission>;
  /** Set for cookie sessions: writes must echo it in X-CSRF-Token. */
  session: { idHash: string; csrfToken: string } | null;
}

/** What the audit log records about the origin of a change. */
export interface ChangeContext {
  actorType: 'member' | 'token' | 'contact' | 'system';
  actorId: string | null;
  memberId: string | null;
  ip: string | null;
}

export function changeContextOf(actor: Actor, ip: string | null): ChangeContext {
  return {
    actorType: actor.type,
    actorId: actor.type === 'token' ? actor.tokenId : actor.memberId,
    memberId: actor.memberId,
    ip,
  };
}

export const SYSTEM_CONTEXT: ChangeContext = { actorType: 'system', actorId: null, memberId: null, ip: null };
