import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { ChangeContext } from '../../../../kernel/actor.js';
import { errors } from '../../../../kernel/errors.js';
import { inTransaction } from '../../../../kernel/transaction.js';
import { apiAccounts, createAccount, updateAccount } from '../../../accounts/index.js';
import type { OrganizationInput } from '../../contract/people.js';
import { normaliseTags } from '../../import/map-people.js';
import { outpostIdOf } from '../numeric-ids.js';
import { setExternalId } from '../external-ids.js';

/**
 * Creating and updating Zendesk organizations as Outpost accounts (Support API reference →
 * Organizations → Create Organization, Update Organization). Zendesk keeps `details` (say, an
 * address) and `notes` apart; an account has one notes field, so both land in it, as the importer
 * does. Tags are normalised the importer's way (lower case words). One transaction per call.
 */

export async function accountIdOfOrganization(db: Kysely<Database>, organizationId: number): Promise<string> {
  const id = await outpostIdOf(db, 'organization', organizationId);
  if (!id || !(await apiAccounts(db, [id])).has(id)) throw errors.zendeskOrganizationNotFound();
  return id;
}

function notesOf(input: OrganizationInput): string | null | undefined {
  if (input.details === undefined && input.notes === undefined) return undefined;
  const parts = [input.details?.trim(), input.notes?.trim()].filter((p): p is string => !!p);
  return parts.length ? parts.join('\n\n') : null;
}

export async function createOrganization(
  db: Kysely<Database>,
  ctx: ChangeContext,
  input: OrganizationInput & { name: string },
): Promise<string> {
  return inTransaction(db, async (trx) => {
    const account = await createAccount(trx, ctx, {
      name: input.name,
      domains: input.domain_names ?? [],
      // A new organization is a customer being served: the importer's defaults, editable in Outpost.
      segment: 'smb',
      arr: 0,
      lifecycleStage: 'onboarding',
      tags: normaliseTags(input.tags),
      notes: notesOf(input) ?? null,
    });
    if (input.external_id) await setExternalId(trx, 'organization', account.id, input.external_id);
    return account.id;
  });
}

export async function updateOrganization(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: OrganizationInput,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const notes = notesOf(input);
    await updateAccount(trx, ctx, accountId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.domain_names !== undefined ? { domains: input.domain_names } : {}),
      ...(input.tags !== undefined ? { tags: normaliseTags(input.tags) } : {}),
      ...(notes !== undefined ? { notes } : {}),
    });
    if (input.external_id !== undefined) await setExternalId(trx, 'organization', accountId, input.external_id);
  });
}
