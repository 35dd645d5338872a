import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { addDays, nowIso } from '../../../kernel/clock.js';
import { hashPassword, verifyPassword } from '../sessions/passwords.js';
import { randomSecret, sha256 } from '../../../kernel/secrets.js';
import { lockedUntil } from '../sign-in-limits/sign-in-lockout.js';
import { enqueueEmail } from '../../platform/index.js';
import { identityPorts } from '../ports.js';

/** A signed-in customer contact: everything the portal shows is scoped to `accountId`. */
export interface PortalContact {
  contactId: string;
  accountId: string;
  accountName: string;
  name: string;
  email: string;
  hasPassword: boolean;
  session: { idHash: string; csrfToken: string };
}

export const LINK_MINUTES = 30;
const SESSION_DAYS = 7;
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function contactContext(contact: Pick<PortalContact, 'contactId'>, ip: string | null): ChangeContext {
  return { actorType: 'contact', actorId: contact.contactId, memberId: null, ip };
}

/**
 * The contact (from the accounts module) with its portal credentials, or null when there is no such
 * contact or its access is turned off. No credentials row means access on, without a password.
 */
async function contactWithAccess(db: Kysely<Database>, where: { email: string } | { id: string }) {
  const contact = await identityPorts().portalContacts.findContact(db, where);
  if (!contact) return null;
  const credentials = await db
    .selectFrom('portal_credentials')
    .select(['access', 'password_hash', 'failed_sign_ins', 'locked_until'])
    .where('contact_id', '=', contact.id)
    .executeTakeFirst();
  if (credentials?.access === 'disabled') return null;
  return {
    ...contact,
    access: credentials?.access ?? null,
    password_hash: credentials?.password_hash ?? null,
    failed_sign_ins: credentials?.failed_sign_ins ?? null,
    locked_until: credentials?.locked_until ?? null,
  };
}

/**
 * E-mails a one-time sign-in link when the address belongs to a contact with portal access. The
 * caller answers the same whether or not it did, so the form does not reveal who is a customer.
 */
export async function requestSignInLink(
  db: Kysely<Database>,
  input: { email: string; ip: string | null; publicUrl: string },
): Promise<void> {
  const contact = await contactWithAccess(db, { email: input.email });
  if (!contact) return;
  const token = randomSecret(32);
  const now = new Date();
  const link = `${input.publicUrl.replace(/\/$/, '')}/portal/sign-in?token=${encodeURIComponent(token)}`;
  await inTransaction(db, async (trx) => {
    // Only the newest link works: one asked for again (lost mail, a second device) retires the
    // earlier ones, so a link left in an old mailbox cannot sign anyone in later.
    await trx
      .updateTable('portal_links')
      .set({ used_at: now.toISOString() })
      .where('contact_id', '=', contact.id)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('portal_links')
      .values({
        token_hash: sha256(token),
        contact_id: contact.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + LINK_MINUTES * 60_000).toISOString(),
        used_at: null,
        requested_ip: input.ip,
      })
      .execute();
    await enqueueEmail(trx, {
      to: [contact.email],
      subject: `Your sign-in link for the ${contact.account_name} support portal`,
      text: [
        `Hello ${contact.name},`,
        '',
        `Use this link to sign in to the support portal. It works once and expires in ${LINK_MINUTES} minutes:`,
        '',
        link,
        '',
        'If you did not ask for it, ignore this e-mail: nobody can sign in without the link.',
      ].join('\n'),
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    await recordAudit(trx, contactContext({ contactId: contact.id }, input.ip), {
      action: 'portal.link_requested',
      recordType: 'contact',
      recordId: contact.id,
    });
  });
}

async function openSession(db: Kysely<Database>, contactId: string, ip: string | null, userAgent: string | null) {
  const sessionId = randomSecret(32);
  const csrfToken = randomSecret(24);
  const now = nowIso();
  const expiresAt = addDays(now, SESSION_DAYS);
  await db
    .insertInto('portal_sessions')
    .values({
      id_hash: sha256(sessionId),
      contact_id: contactId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { sessionId, csrfToken, expiresAt };
}

/** Signs in with a link's token: valid once, before it expires, for its own contact only. */
export async function signInWithLink(db: Kysely<Database>, input: { token: string; ip: string | null; userAgent: string | null }) {
  const tokenHash = sha256(input.token);
  const link = await db.selectFrom('portal_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  const now = nowIso();
  if (!link) throw errors.portalLinkInvalid();
  const refusal = link.used_at ? 'used' : link.expires_at <= now ? 'expired' : null;
  const contact = await contactWithAccess(db, { id: link.contact_id });
  if (refusal || !contact) {
    // A replayed or expired link touches a real contact: that is worth an audit entry.
    await recordAudit(db, contactContext({ contactId: link.contact_id }, input.ip), {
      action: 'portal.link_refused',
      recordType: 'contact',
      recordId: link.contact_id,
      changes: { reason: [null, refusal ?? 'access_disabled'] },
    });
    throw errors.portalLinkInvalid();
  }
  return inTransaction(db, async (trx) => {
    // Single use even under a double click: only the request that flips used_at gets a session.
    const claimed = await trx
      .updateTable('portal_links')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw errors.portalLinkInvalid();
    const session = await openSession(trx, contact.id, input.ip, input.userAgent);
    await recordAudit(trx, contactContext({ contactId: contact.id }, input.ip), {
      action: 'portal.signed_in',
      recordType: 'contact',
      recordId: contact.id,
      changes: { via: [null, 'link'] },
    });
    return session;
  });
}

export async function signInWithPassword(
  db: Kysely<Database>,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
) {
  const contact = await contactWithAccess(db, { email: input.email });
  const ok = await verifyPassword(input.password, contact?.password_hash ?? DUMMY_HASH);
  const now = nowIso();
  if (contact?.locked_until && contact.locked_until > now) {
    throw errors.signInLocked({ retryAfterSeconds: Math.ceil((Date.parse(contact.locked_until) - Date.parse(now)) / 1000) });
  }
  if (!contact || !ok || !contact.password_hash) {
    if (contact?.password_hash) {
      const failures = (contact.failed_sign_ins ?? 0) + 1;
      await db
        .updateTable('portal_credentials')
        .set({ failed_sign_ins: failures, locked_until: lockedUntil(failures, new Date(now)) })
        .where('contact_id', '=', contact.id)
        .execute();
    }
    throw errors.invalidCredentials();
  }
  return inTransaction(db, async (trx) => {
    await trx
      .updateTable('portal_credentials')
      .set({ failed_sign_ins: 0, locked_until: null })
      .where('contact_id', '=', contact.id)
      .execute();
    const session = await openSession(trx, contact.id, input.ip, input.userAgent);
    await recordAudit(trx, contactContext({ contactId: contact.id }, input.ip), {
      action: 'portal.signed_in',
      recordType: 'contact',
      recordId: contact.id,
      changes: { via: [null, 'password'] },
    });
    return session;
  });
}

/** The contact behind a portal cookie, or null when unknown, expired or no longer allowed in. */
export async function resolvePortalSession(db: Kysely<Database>, sessionId: string): Promise<PortalContact | null> {
  const idHash = sha256(sessionId);
  // Every portal request comes through here: the session and the contact's portal access (both
  // identity's) in one read, then the contact through the accounts port — two reads in all.
  const session = await db
    .selectFrom('portal_sessions')
    .leftJoin('portal_credentials', 'portal_credentials.contact_id', 'portal_sessions.contact_id')
    .select([
      'portal_sessions.contact_id',
      'portal_sessions.csrf_token',
      'portal_sessions.expires_at',
      'portal_sessions.last_seen_at',
      'portal_credentials.access',
      'portal_credentials.password_hash',
    ])
    .where('portal_sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  const now = nowIso();
  if (!session || session.expires_at <= now || session.access === 'disabled') return null;
  const contact = await identityPorts().portalContacts.findContact(db, { id: session.contact_id });
  if (!contact) return null;
  if (Date.parse(now) - Date.parse(session.last_seen_at) > 60_000) {
    await db.updateTable('portal_sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }
  return {
    contactId: contact.id,
    accountId: contact.account_id,
    accountName: contact.account_name,
    name: contact.name,
    email: contact.email,
    hasPassword: !!session.password_hash,
    session: { idHash, csrfToken: session.csrf_token },
  };
}

export async function signOutPortal(db: Kysely<Database>, contact: PortalContact): Promise<void> {
  await db.deleteFrom('portal_sessions').where('id_hash', '=', contact.session.idHash).execute();
}

/** Sets the contact's optional portal password (after a link sign-in, or changing it). */
export async function setPortalPassword(
  db: Kysely<Database>,
  contact: PortalContact,
  input: { currentPassword?: string | undefined; newPassword: string; ip: string | null },
) {
  const row = await db
    .selectFrom('portal_credentials')
    .select('password_hash')
    .where('contact_id', '=', contact.contactId)
    .executeTakeFirst();
  if (row?.password_hash && !(input.currentPassword && (await verifyPassword(input.currentPassword, row.password_hash))))
    throw errors.invalidCredentials();
  const hash = await hashPassword(input.newPassword);
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('portal_credentials')
      .values({
        contact_id: contact.contactId,
        access: 'enabled',
        password_hash: hash,
        failed_sign_ins: 0,
        locked_until: null,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('contact_id').doUpdateSet({ password_hash: hash, failed_sign_ins: 0, locked_until: null, updated_at: now }),
      )
      .execute();
    await trx
      .deleteFrom('portal_sessions')
      .where('contact_id', '=', contact.contactId)
      .where('id_hash', '!=', contact.session.idHash)
      .execute();
    await recordAudit(trx, contactContext(contact, input.ip), {
      action: 'portal.password_set',
      recordType: 'contact',
      recordId: contact.contactId,
    });
  });
}

/** Turns a contact's portal access on or off (members with contacts.write). Off ends their sessions. */
export async function setPortalAccess(db: Kysely<Database>, ctx: ChangeContext, contactId: string, enabled: boolean): Promise<void> {
  const exists = await identityPorts().portalContacts.findContact(db, { id: contactId });
  if (!exists) throw errors.contactNotFound();
  const access = enabled ? ('enabled' as const) : ('disabled' as const);
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('portal_credentials')
      .values({ contact_id: contactId, access, password_hash: null, failed_sign_ins: 0, locked_until: null, updated_at: now })
      .onConflict((oc) => oc.column('contact_id').doUpdateSet({ access, updated_at: now }))
      .execute();
    if (!enabled) await trx.deleteFrom('portal_sessions').where('contact_id', '=', contactId).execute();
    await recordAudit(trx, ctx, {
      action: 'contact.portal_access_changed',
      recordType: 'contact',
      recordId: contactId,
      changes: { portalAccess: [null, access] },
    });
  });
}
