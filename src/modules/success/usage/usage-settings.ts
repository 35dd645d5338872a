import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountExists } from '../../accounts/index.js';
import type { UsageSettings, UsageSettingsInput } from '../contract/usage.js';
import * as repo from './usage-repository.js';

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** An account's licences and product id; an account never set up has no seats and no features. */
export async function getUsageSettings(db: Kysely<Database>, accountId: string): Promise<UsageSettings> {
  if (!(await accountExists(db, accountId))) throw errors.accountNotFound();
  const [row, features] = await Promise.all([repo.findSettings(db, accountId), repo.licensedFeatures(db, accountId)]);
  return {
    accountId,
    externalId: row?.external_id ?? null,
    seats: row?.seats ?? null,
    licensedFeatures: features,
    updatedAt: row?.updated_at ?? null,
  };
}

/** Replaces an account's licences; the external id must name no other account. */
export async function saveUsageSettings(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: UsageSettingsInput,
): Promise<UsageSettings> {
  const before = await getUsageSettings(db, accountId);
  const takenBy = input.externalId === null ? null : await repo.accountOfExternalId(db, input.externalId);
  if (takenBy && takenBy !== accountId) throw errors.duplicate('Another account', 'externalId', 'external id');
  await inTransaction(db, async (trx) => {
    await repo
      .saveSettings(
        trx,
        { account_id: accountId, external_id: input.externalId, seats: input.seats, updated_at: nowIso() },
        input.licensedFeatures,
      )
      .catch((err: unknown) => {
        // Another account took the id between the check above and this write.
        if (isUniqueViolation(err)) throw errors.duplicate('Another account', 'externalId', 'external id');
        throw err;
      });
    await recordAudit(trx, ctx, {
      action: 'usage_settings.updated',
      recordType: 'account',
      recordId: accountId,
      changes: diff(
        { externalId: before.externalId, seats: before.seats, licensedFeatures: before.licensedFeatures.join(', ') },
        { externalId: input.externalId, seats: input.seats, licensedFeatures: input.licensedFeatures.join(', ') },
      ),
    });
  });
  return getUsageSettings(db, accountId);
}
