import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../kernel/actor.js';
import { nowIso } from '../../../kernel/clock.js';
import { identityPorts } from '../ports.js';
import { verifyPassword } from './passwords.js';
import { actorForMemberId, resolveToken } from './auth-service.js';

/**
 * HTTP Basic credentials as Zendesk clients send them (issue 18), so scripts written against
 * Zendesk's API work by changing the base URL:
 * - `email/token:API_TOKEN` — an Outpost API token, accepted only when `email` is the e-mail of the
 *   member who made the token (a leaked token cannot be used under someone else's name);
 * - `email:password` — only when OUTPOST_API_PASSWORD_ACCESS=true (Zendesk's "password access"
 *   setting, off by default there too). A locked or disabled member is refused; a wrong password
 *   counts nothing here, because the sign-in screen's lockout must not be triggerable by scripts.
 * Anything else is no credential (the route then answers 401).
 */
export async function resolveBasic(db: Kysely<Database>, encoded: string, passwordAccess: boolean): Promise<Actor | null> {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const user = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  if (!secret) return null;
  if (user.toLowerCase().endsWith('/token')) {
    const email = user.slice(0, -'/token'.length).trim().toLowerCase();
    const actor = await resolveToken(db, secret);
    return actor && actor.email.toLowerCase() === email ? actor : null;
  }
  if (!passwordAccess) return null;
  const member = await identityPorts().members.findByEmail(db, user.trim());
  if (!member?.password_hash || member.status !== 'active') return null;
  if (member.locked_until && member.locked_until > nowIso()) return null;
  if (!(await verifyPassword(secret, member.password_hash))) return null;
  return actorForMemberId(db, member.id);
}

/** Zendesk's "password access" switch: Basic e-mail:password on the API. */
export function apiPasswordAccessEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.OUTPOST_API_PASSWORD_ACCESS === 'true';
}
