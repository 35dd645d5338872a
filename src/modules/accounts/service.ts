import { accountsPorts } from './ports.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { compiledRead } from '../../db/compiled-read.js';
import { inTransaction } from '../../kernel/transaction.js';
import { errors } from '../../kernel/errors.js';
import type { ChangeContext } from '../../kernel/actor.js';
import { diff, recordAudit } from '../../kernel/audit.js';
import { nowIso } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { readSetting } from '../../kernel/settings.js';
import * as team from '../team/index.js';
import { portalAccessDisabled } from '../identity/index.js';
import * as repo from './repository.js';
import { indexAccount, indexContact } from './account-search-documents.js';
import { assessRelationship, DEFAULT_RELATIONSHIP_RULES, type RelationshipEvidence, type RelationshipRules } from './relationship-depth.js';
import type {
  Account,
  AccountListQuery,
  Contact,
  CreateAccountInput,
  CreateContactInput,
  CreateInteractionInput,
  Interaction,
  UpdateAccountInput,
  UpdateContactInput,
} from './contract/accounts.js';

export const RELATIONSHIP_RULES_KEY = 'accounts.relationship_rules';

export function relationshipRules(db: Kysely<Database>): Promise<RelationshipRules> {
  return readSetting(db, RELATIONSHIP_RULES_KEY, DEFAULT_RELATIONSHIP_RULES);
}

/** Recomputes and stores an account's relationship depth, so lists can filter on it by index. */
export async function refreshRelationship(db: Kysely<Database>, accountId: string, now = new Date()): Promise<RelationshipEvidence> {
  const rules = await relationshipRules(db);
  const since = new Date(now.getTime() - rules.windowDays * 86_400_000).toISOString();
  const rows = await repo.interactionKindsAndTimes(db, accountId, since);
  const engagements = await accountsPorts().countLiveEngagements(db, accountId);
  const evidence = assessRelationship(
    rows.map((r) => ({ kind: r.kind, occurredAt: r.occurred_at })),
    engagements,
    rules,
    now,
  );
  await db
    .updateTable('accounts')
    .set({ relationship: evidence.verdict, relationship_evidence: JSON.stringify(evidence) })
    .where('id', '=', accountId)
    .execute();
  return evidence;
}

/** The rolling window moves every day, so every account is re-assessed on a schedule. */
export async function refreshAllRelationships(db: Kysely<Database>, now = new Date()): Promise<number> {
  const ids = await db.selectFrom('accounts').select('id').execute();
  for (const { id } of ids) await refreshRelationship(db, id, now);
  return ids.length;
}

// Every ticket page shows its account: these reads are compiled once (see compiled-read.ts).
const accountById = compiledRead((db, id: string) => db.selectFrom('accounts').selectAll().where('id', '=', id));
const domainsOfAccount = compiledRead((db, id: string) =>
  db.selectFrom('account_domains').select('domain').where('account_id', '=', id).orderBy('domain'),
);
const teamOfAccount = compiledRead((db, id: string) => repo.teamQuery(db, id));
const tagsOfAccount = compiledRead((db, id: string) =>
  db.selectFrom('account_tags').select('tag').where('account_id', '=', id).orderBy('tag'),
);
const contactCountOf = compiledRead((db, id: string) =>
  db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', id),
);

export async function getAccount(db: Kysely<Database>, id: string): Promise<Account> {
  const [row] = await accountById(db, id);
  if (!row) throw errors.accountNotFound();
  const [domains, teamSlots, [contactCount], tags] = await Promise.all([
    domainsOfAccount(db, id),
    teamOfAccount(db, id).then((slots) => repo.withMemberNames(db, slots)),
    contactCountOf(db, id),
    tagsOfAccount(db, id),
  ]);
  const manager =
    teamSlots.find((s) => s.role === 'technical_account_manager') ?? teamSlots.find((s) => s.role === 'customer_success') ?? null;
  return {
    id: row.id,
    name: row.name,
    domains: domains.map((d) => d.domain),
    segment: row.segment,
    arr: Number(row.arr),
    lifecycleStage: row.lifecycle_stage,
    renewalDate: row.renewal_date,
    relationship: row.relationship,
    internal: Number(row.internal) === 1,
    tags: tags.map((t) => t.tag),
    notes: row.notes ?? null,
    relationshipEvidence: JSON.parse(row.relationship_evidence) as RelationshipEvidence,
    contactCount: Number(contactCount!.n),
    accountManager: manager ? { id: manager.memberId, name: manager.memberName } : null,
    team: teamSlots,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listAccounts(db: Kysely<Database>, query: AccountListQuery) {
  return repo.listAccountRows(db, query);
}

async function assertDomainsFree(db: Kysely<Database>, domains: string[], accountId: string | null): Promise<void> {
  const owners = await repo.domainOwners(db, domains);
  const taken = owners.find((o) => o.account_id !== accountId);
  if (taken) throw errors.duplicate('An account', 'domains', `e-mail domain ${taken.domain}`);
}

async function assertNameFree(db: Kysely<Database>, name: string, accountId: string | null): Promise<void> {
  const other = await db.selectFrom('accounts').select('id').where('name_lower', '=', name.toLowerCase()).executeTakeFirst();
  if (other && other.id !== accountId) throw errors.duplicate('An account', 'name');
}

export async function createAccount(db: Kysely<Database>, ctx: ChangeContext, input: CreateAccountInput): Promise<Account> {
  const domains = [...new Set(input.domains)];
  const tags = [...new Set(input.tags ?? [])].sort();
  const id = newId();
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await assertNameFree(trx, input.name, null);
    await assertDomainsFree(trx, domains, null);
    const evidence = assessRelationship([], 0, await relationshipRules(trx), new Date());
    await trx
      .insertInto('accounts')
      .values({
        id,
        name: input.name,
        name_lower: input.name.toLowerCase(),
        segment: input.segment,
        arr: input.arr,
        lifecycle_stage: input.lifecycleStage,
        renewal_date: input.renewalDate ?? null,
        relationship: evidence.verdict,
        relationship_evidence: JSON.stringify(evidence),
        internal: input.internal ? 1 : 0,
        notes: input.notes || null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await repo.replaceDomains(trx, id, domains);
    await repo.replaceTags(trx, id, tags);
    await indexAccount(trx, id);
    await recordAudit(trx, ctx, {
      action: 'account.created',
      recordType: 'account',
      recordId: id,
      changes: diff(null, { ...input, domains, tags }),
    });
  });
  return getAccount(db, id);
}

export async function updateAccount(db: Kysely<Database>, ctx: ChangeContext, id: string, input: UpdateAccountInput): Promise<Account> {
  const before = await getAccount(db, id);
  await inTransaction(db, async (trx) => {
    if (input.name !== undefined) await assertNameFree(trx, input.name, id);
    if (input.domains) await assertDomainsFree(trx, [...new Set(input.domains)], id);
    await trx
      .updateTable('accounts')
      .set({
        ...(input.name !== undefined ? { name: input.name, name_lower: input.name.toLowerCase() } : {}),
        ...(input.segment !== undefined ? { segment: input.segment } : {}),
        ...(input.arr !== undefined ? { arr: input.arr } : {}),
        ...(input.lifecycleStage !== undefined ? { lifecycle_stage: input.lifecycleStage } : {}),
        ...(input.renewalDate !== undefined ? { renewal_date: input.renewalDate ?? null } : {}),
        ...(input.internal !== undefined ? { internal: input.internal ? 1 : 0 } : {}),
        ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    if (input.domains) await repo.replaceDomains(trx, id, [...new Set(input.domains)]);
    if (input.tags) await repo.replaceTags(trx, id, [...new Set(input.tags)].sort());
    await indexAccount(trx, id);
    if (input.arr !== undefined || input.segment !== undefined || input.lifecycleStage !== undefined) {
      await accountsPorts().accountFiguresChanged(trx, id);
    }
    const { relationshipEvidence: _e, team: _t, ...plainBefore } = before;
    await recordAudit(trx, ctx, {
      action: 'account.updated',
      recordType: 'account',
      recordId: id,
      changes: diff(plainBefore, {
        ...plainBefore,
        ...input,
        renewalDate: input.renewalDate === undefined ? before.renewalDate : (input.renewalDate ?? null),
        notes: input.notes === undefined ? before.notes : input.notes || null,
        tags: input.tags ? [...new Set(input.tags)].sort() : before.tags,
      }),
    });
  });
  return getAccount(db, id);
}

export async function setAccountTeam(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  slots: { role: string; memberId: string }[],
): Promise<Account> {
  const before = await getAccount(db, id);
  const members = await team.memberRefs(
    db,
    slots.map((s) => s.memberId),
  );
  for (const slot of slots) {
    const member = members.get(slot.memberId);
    if (!member || member.status === 'disabled') throw errors.referenceMissing('active member', `slots.${slot.role}.memberId`);
  }
  await inTransaction(db, async (trx) => {
    await repo.replaceTeam(trx, id, slots);
    await recordAudit(trx, ctx, {
      action: 'account.team_changed',
      recordType: 'account',
      recordId: id,
      changes: { team: [before.team.map((s) => ({ role: s.role, memberId: s.memberId })), slots] },
    });
  });
  return getAccount(db, id);
}

function toContact(r: repo.ContactRow): Contact {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    email: r.email,
    title: r.title,
    customerRole: r.customer_role,
    phone: r.phone,
    createdAt: r.created_at,
  };
}

/** The account's contacts, each with whether it may sign in to the customer portal (on unless turned off). */
export async function listContacts(db: Kysely<Database>, accountId: string): Promise<(Contact & { portalAccess: boolean })[]> {
  if (!(await repo.findAccountRow(db, accountId))) throw errors.accountNotFound();
  const rows = await repo.contactsOf(db, accountId);
  const off = await portalAccessDisabled(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...toContact(r), portalAccess: !off.has(r.id) }));
}

export async function createContact(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: CreateContactInput,
): Promise<Contact> {
  if (!(await repo.findAccountRow(db, accountId))) throw errors.accountNotFound();
  const email = input.email.toLowerCase();
  if (await repo.findContactRowByEmail(db, email)) throw errors.duplicate('A contact', 'email');
  const now = nowIso();
  const row: repo.ContactRow = {
    id: newId(),
    account_id: accountId,
    name: input.name,
    email,
    title: input.title ?? null,
    customer_role: input.customerRole ?? null,
    phone: input.phone ?? null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('contacts').values(row).execute();
    await indexContact(trx, row.id);
    await recordAudit(trx, ctx, {
      action: 'contact.created',
      recordType: 'contact',
      recordId: row.id,
      changes: diff(null, toContact(row)),
    });
  });
  return toContact(row);
}

/**
 * The contact with this e-mail, created on the account when there is none. Safe when called at
 * once for the same new address (parallel tickets from one new requester): the insert yields to
 * a concurrent one (on conflict do nothing) and the caller gets the contact that won, where a
 * plain insert failed the whole ticket with a duplicate on PostgreSQL.
 */
export async function ensureContact(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: { name: string; email: string },
): Promise<Contact> {
  const email = input.email.toLowerCase();
  const existing = await repo.findContactRowByEmail(db, email);
  if (existing) return toContact(existing);
  const now = nowIso();
  const row: repo.ContactRow = {
    id: newId(),
    account_id: accountId,
    name: input.name,
    email,
    title: null,
    customer_role: null,
    phone: null,
    created_at: now,
    updated_at: now,
  };
  const created = await inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('contacts')
      .values(row)
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false;
    await indexContact(trx, row.id);
    await recordAudit(trx, ctx, {
      action: 'contact.created',
      recordType: 'contact',
      recordId: row.id,
      changes: diff(null, toContact(row)),
    });
    return true;
  });
  if (created) return toContact(row);
  const winner = await repo.findContactRowByEmail(db, email);
  if (!winner) throw errors.duplicate('A contact', 'email');
  return toContact(winner);
}

export async function updateContact(db: Kysely<Database>, ctx: ChangeContext, id: string, input: UpdateContactInput): Promise<Contact> {
  const before = await repo.findContactRow(db, id);
  if (!before) throw errors.contactNotFound();
  const email = input.email?.toLowerCase();
  if (email && email !== before.email && (await repo.findContactRowByEmail(db, email))) throw errors.duplicate('A contact', 'email');
  const after: repo.ContactRow = {
    ...before,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(email ? { email } : {}),
    ...(input.title !== undefined ? { title: input.title ?? null } : {}),
    ...(input.customerRole !== undefined ? { customer_role: input.customerRole ?? null } : {}),
    ...(input.phone !== undefined ? { phone: input.phone ?? null } : {}),
    updated_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx.updateTable('contacts').set(after).where('id', '=', id).execute();
    await indexContact(trx, id);
    await recordAudit(trx, ctx, {
      action: 'contact.updated',
      recordType: 'contact',
      recordId: id,
      changes: diff(toContact(before), toContact(after)),
    });
  });
  return toContact(after);
}

export function listInteractions(db: Kysely<Database>, accountId: string, cursor: string | undefined, limit: number) {
  return repo.listInteractions(db, accountId, cursor, limit);
}

export async function logInteraction(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: CreateInteractionInput,
): Promise<Interaction> {
  if (!(await repo.findAccountRow(db, accountId))) throw errors.accountNotFound();
  const contactIds = [...new Set(input.contactIds)];
  const memberIds = [...new Set(input.memberIds)];
  if (contactIds.length) {
    const found = await db.selectFrom('contacts').select(['id', 'account_id']).where('id', 'in', contactIds).execute();
    if (found.length !== contactIds.length) throw errors.referenceMissing('contact', 'contactIds');
    if (found.some((c) => c.account_id !== accountId)) throw errors.attendeeNotOnAccount();
  }
  if (memberIds.length) {
    const found = await team.memberRefs(db, memberIds);
    if (found.size !== memberIds.length) throw errors.referenceMissing('member', 'memberIds');
  }
  const id = newId();
  const row: repo.InteractionRow = {
    id,
    account_id: accountId,
    kind: input.kind,
    occurred_at: new Date(input.occurredAt).toISOString(),
    duration_minutes: input.durationMinutes,
    subject: input.subject,
    notes: input.notes ?? null,
    created_by: ctx.memberId,
    created_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('interactions').values(row).execute();
    const attendees = [
      ...memberIds.map((a) => ({ interaction_id: id, attendee_type: 'member' as const, attendee_id: a })),
      ...contactIds.map((a) => ({ interaction_id: id, attendee_type: 'contact' as const, attendee_id: a })),
    ];
    if (attendees.length) await trx.insertInto('interaction_attendees').values(attendees).execute();
    await refreshRelationship(trx, accountId);
    await recordAudit(trx, ctx, {
      action: 'interaction.logged',
      recordType: 'interaction',
      recordId: id,
      changes: diff(null, { accountId, kind: row.kind, occurredAt: row.occurred_at, subject: row.subject, memberIds, contactIds }),
    });
  });
  const [interaction] = await repo.withAttendees(db, [row]);
  return interaction!;
}

export async function deleteInteraction(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const row = await db.selectFrom('interactions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.interactionNotFound();
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('interaction_attendees').where('interaction_id', '=', id).execute();
    await trx.deleteFrom('interactions').where('id', '=', id).execute();
    await refreshRelationship(trx, row.account_id);
    await recordAudit(trx, ctx, {
      action: 'interaction.deleted',
      recordType: 'interaction',
      recordId: id,
      changes: diff({ accountId: row.account_id, kind: row.kind, occurredAt: row.occurred_at, subject: row.subject }, null),
    });
  });
}

/** Contact and account lookups other modules use (support matches requesters by e-mail). */
export async function findContactByEmail(db: Kysely<Database>, email: string): Promise<Contact | null> {
  const row = await repo.findContactRowByEmail(db, email.toLowerCase());
  return row ? toContact(row) : null;
}

export async function findContact(db: Kysely<Database>, id: string): Promise<Contact | null> {
  const row = await repo.findContactRow(db, id);
  return row ? toContact(row) : null;
}

/** The account whose e-mail domains include the address's domain, if any. */
export async function accountIdForEmail(db: Kysely<Database>, email: string): Promise<string | null> {
  const domain = email.toLowerCase().split('@')[1];
  if (!domain) return null;
  const [owner] = await repo.domainOwners(db, [domain]);
  return owner?.account_id ?? null;
}

export async function accountExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return !!(await repo.findAccountRow(db, id));
}
