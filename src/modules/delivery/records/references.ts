import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { contactRefs } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';

/**
 * The checks every delivery record makes on what it points at: the engagement (and that it is
 * the account's), members, and contacts that must belong to the record's account.
 */

export interface EngagementRef {
  id: string;
  name: string;
  accountId: string;
  kind: string;
  /** The presales opportunity (deal) the engagement serves. */
  opportunityId: string | null;
  pocVerdict: 'pending' | 'pass' | 'fail' | null;
  pocVerdictNote: string | null;
}

export async function findEngagementRef(db: Kysely<Database>, id: string): Promise<EngagementRef | null> {
  const row = await db
    .selectFrom('engagements')
    .select(['id', 'name', 'account_id', 'kind', 'opportunity_id', 'poc_verdict', 'poc_verdict_note'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        name: row.name,
        accountId: row.account_id,
        kind: row.kind,
        opportunityId: row.opportunity_id,
        pocVerdict: row.poc_verdict,
        pocVerdictNote: row.poc_verdict_note,
      }
    : null;
}

export async function engagementRef(db: Kysely<Database>, id: string): Promise<EngagementRef> {
  const found = await findEngagementRef(db, id);
  if (!found) throw errors.engagementNotFound();
  return found;
}

/** An engagement a record on `accountId` may hang off: it exists (422 otherwise) and is that account's. */
export async function assertEngagementOfAccount(
  db: Kysely<Database>,
  engagementId: string | null | undefined,
  accountId: string,
): Promise<void> {
  if (!engagementId) return;
  const found = await findEngagementRef(db, engagementId);
  if (!found) throw errors.referenceMissing('engagement', 'engagementId');
  if (found.accountId !== accountId) throw errors.engagementNotOnAccount({ field: 'engagementId' });
}

export async function assertMember(db: Kysely<Database>, memberId: string | null | undefined, field: string): Promise<void> {
  if (!memberId) return;
  if (!(await memberRefs(db, [memberId])).has(memberId)) throw errors.referenceMissing('member', field);
}

/**
 * The contacts named, checked to exist (422 `request.reference_not_found`) and to belong to the
 * account (`notOnAccount`, 422). Returns them de-duplicated, in the order given.
 */
export async function contactsOfAccount(
  db: Kysely<Database>,
  contactIds: readonly string[],
  accountId: string,
  field: string,
  notOnAccount: (details: Record<string, unknown>) => Error,
): Promise<{ id: string; name: string; email: string }[]> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return [];
  const byId = await contactRefs(db, ids);
  const missing = ids.filter((i) => !byId.has(i));
  if (missing.length) throw errors.referenceMissing('contact', field);
  const foreign = [...byId.values()].filter((c) => c.accountId !== accountId).map((c) => c.id);
  if (foreign.length) throw notOnAccount({ field, contactIds: foreign });
  return ids.map((i) => {
    const c = byId.get(i)!;
    return { id: c.id, name: c.name, email: c.email };
  });
}

export function assertAccount(exists: boolean): void {
  if (!exists) throw errors.accountNotFound();
}
