import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import type { Actor, ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { addDays, nowIso } from '../../../kernel/clock.js';
import { newId } from '../../../kernel/ids.js';
import { verifyPassword } from './passwords.js';
import { lockedUntil } from '../sign-in-limits/sign-in-lockout.js';
import { permissionsFor, type Permission } from '../roles/roles.js';
import { randomSecret, sha256 } from '../../../kernel/secrets.js';
import { identityPorts } from '../ports.js';
import { sessionPrincipal } from './session-principal.read-model.js';

// A precomputed hash for unknown e-mails, so a wrong e-mail costs as long as a wrong password
// and response times do not reveal which members exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export interface NewSession {
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  memberId: string;
}

export async function signIn(
  db: Kysely<Database>,
  input: { email: string; password: string; ip: string | null; userAgent: string | null; sessionDays: number },
): Promise<NewSession> {
  const members = identityPorts().members;
  const member = await members.findByEmail(db, input.email);
  const ok = await verifyPassword(input.password, member?.password_hash ?? DUMMY_HASH);
  const now = nowIso();
  if (member?.locked_until && member.locked_until > now) {
    throw errors.signInLocked({ retryAfterSeconds: Math.ceil((Date.parse(member.locked_until) - Date.parse(now)) / 1000) });
  }
  if (member && !ok) {
    const failures = member.failed_sign_ins + 1;
    const until = lockedUntil(failures, new Date(now));
    await inTransaction(db, async (trx) => {
      await members.recordFailedSignIn(trx, member.id, failures, until);
      if (until) {
        await recordAudit(
          trx,
          { actorType: 'system', actorId: null, memberId: null, ip: input.ip },
          {
            action: 'member.sign_in_locked',
            recordType: 'member',
            recordId: member.id,
            changes: { lockedUntil: [member.locked_until, until], failedSignIns: [member.failed_sign_ins, failures] },
          },
        );
      }
    });
  }
  if (!member || !ok) throw errors.invalidCredentials();
  if (member.status === 'disabled') throw errors.accountDisabled();
  if (member.failed_sign_ins > 0) {
    await members.clearFailedSignIns(db, member.id);
  }
  const sessionId = randomSecret(32);
  const csrfToken = randomSecret(24);
  const expiresAt = addDays(now, input.sessionDays);
  const ctx: ChangeContext = { actorType: 'member', actorId: member.id, memberId: member.id, ip: input.ip };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id_hash: sha256(sessionId),
        member_id: member.id,
        csrf_token: csrfToken,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await recordAudit(trx, ctx, { action: 'session.created', recordType: 'member', recordId: member.id });
  });
  return { sessionId, csrfToken, expiresAt, memberId: member.id };
}

async function actorForMember(
  db: Kysely<Database>,
  memberId: string,
  extra: Pick<Actor, 'type' | 'tokenId' | 'session'>,
  scopes?: Set<Permission>,
): Promise<Actor | null> {
  const members = identityPorts().members;
  const member = await members.findById(db, memberId);
  if (!member || member.status === 'disabled') return null;
  const roles = await members.rolesOf(db, memberId);
  let permissions = permissionsFor(roles);
  // A token can never do more than the member who made it can do today.
  if (scopes) permissions = new Set([...permissions].filter((p) => scopes.has(p)));
  return { ...extra, memberId, name: member.name, email: member.email, roles, permissions };
}

/** A member acting with their own full permissions (Basic e-mail:password on the API). */
export function actorForMemberId(db: Kysely<Database>, memberId: string): Promise<Actor | null> {
  return actorForMember(db, memberId, { type: 'member', tokenId: null, session: null });
}

/** The member behind a session cookie, or null when it is unknown or expired. */
export async function resolveSession(db: Kysely<Database>, sessionId: string): Promise<Actor | null> {
  const idHash = sha256(sessionId);
  // The session, the member and the roles in one read (see the read model for why).
  const rows = await sessionPrincipal(db, idHash);
  const session = rows[0];
  const now = nowIso();
  if (!session || session.expires_at <= now || session.status === 'disabled') return null;
  // Touch at most once a minute: a write per request would serialise every page load on SQLite.
  if (Date.parse(now) - Date.parse(session.last_seen_at) > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }
  const roles = rows.flatMap((r) => (r.role ? [r.role] : [])).sort();
  return {
    type: 'member',
    tokenId: null,
    session: { idHash, csrfToken: session.csrf_token },
    memberId: session.member_id,
    name: session.name,
    email: session.email,
    roles,
    permissions: permissionsFor(roles),
  };
}

export async function signOut(db: Kysely<Database>, actor: Actor, ip: string | null): Promise<void> {
  if (!actor.session) return;
  const idHash = actor.session.idHash;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    await recordAudit(
      trx,
      { actorType: 'member', actorId: actor.memberId, memberId: actor.memberId, ip },
      {
        action: 'session.ended',
        recordType: 'member',
        recordId: actor.memberId,
      },
    );
  });
}

const TOKEN_PREFIX = 'opt_';

/** The member and scopes behind a bearer token, or null when unknown or revoked. */
export async function resolveToken(db: Kysely<Database>, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const now = nowIso();
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return actorForMember(
    db,
    row.created_by,
    { type: 'token', tokenId: row.id, session: null },
    new Set(JSON.parse(row.scopes) as Permission[]),
  );
}

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function toView(row: Awaited<ReturnType<typeof findTokenRow>> & object): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: JSON.parse(row.scopes) as string[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

function findTokenRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Creates a token; the secret is in the return value only, never stored or shown again. */
export async function createToken(
  db: Kysely<Database>,
  actor: Actor,
  ctx: ChangeContext,
  input: { name: string; scopes: Permission[] },
): Promise<{ token: string; apiToken: ApiTokenView }> {
  if (input.scopes.some((s) => !actor.permissions.has(s))) throw errors.tokenScopeInvalid({ scopes: input.scopes });
  const secret = `${TOKEN_PREFIX}${randomSecret(30)}`;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('api_tokens')
      .values({
        id,
        name: input.name,
        token_hash: sha256(secret),
        prefix: secret.slice(0, 10),
        scopes: JSON.stringify([...new Set(input.scopes)]),
        created_by: actor.memberId,
        created_at: nowIso(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'api_token.created',
      recordType: 'api_token',
      recordId: id,
      changes: { name: [null, input.name], scopes: [null, input.scopes] },
    });
  });
  return { token: secret, apiToken: toView((await findTokenRow(db, id))!) };
}

export async function listTokens(db: Kysely<Database>): Promise<ApiTokenView[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(toView);
}

export async function revokeToken(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<ApiTokenView> {
  const row = await findTokenRow(db, id);
  if (!row) throw errors.tokenNotFound();
  if (!row.revoked_at) {
    const at = nowIso();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, {
        action: 'api_token.revoked',
        recordType: 'api_token',
        recordId: id,
        changes: { revokedAt: [null, at] },
      });
    });
  }
  return toView((await findTokenRow(db, id))!);
}

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** A member's live sessions, newest first; the id is the stored hash, never the cookie's secret. */
export async function listSessions(db: Kysely<Database>, actor: Actor): Promise<SessionView[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('member_id', '=', actor.memberId)
    .where('expires_at', '>', nowIso())
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id_hash,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    ip: r.ip,
    userAgent: r.user_agent,
    current: r.id_hash === actor.session?.idHash,
  }));
}

/** Ends one of the member's own sessions (another device, or this one). */
export async function revokeSession(db: Kysely<Database>, actor: Actor, ctx: ChangeContext, id: string): Promise<void> {
  const deleted = await inTransaction(db, async (trx) => {
    const result = await trx.deleteFrom('sessions').where('id_hash', '=', id).where('member_id', '=', actor.memberId).executeTakeFirst();
    if (Number(result.numDeletedRows) > 0)
      await recordAudit(trx, ctx, { action: 'session.revoked', recordType: 'member', recordId: actor.memberId });
    return Number(result.numDeletedRows);
  });
  if (deleted === 0) throw errors.sessionNotFound();
}

/**
 * Ends a member's sessions everywhere, all but `exceptIdHash` (the one that asked): the team module
 * calls it when a member is disabled or their password changes.
 */
export async function revokeMemberSessions(db: Kysely<Database>, memberId: string, exceptIdHash: string | null = null): Promise<void> {
  let sessions = db.deleteFrom('sessions').where('member_id', '=', memberId);
  if (exceptIdHash) sessions = sessions.where('id_hash', '!=', exceptIdHash);
  await sessions.execute();
}
