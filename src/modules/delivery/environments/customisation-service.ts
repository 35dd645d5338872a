import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { findMemberRow, memberRefs } from '../../team/index.js';
import type { Customisation, CustomisationInput } from '../contract/environments.js';

/**
 * An environment's customisations (what was built for this customer, why, who owns it, where the
 * code lives). Changes are audited on the environment they belong to.
 */

async function requireEnvironment(db: Kysely<Database>, id: string): Promise<void> {
  if (!(await db.selectFrom('deployments').select('id').where('id', '=', id).executeTakeFirst())) throw errors.environmentNotFound();
}

async function assertMember(db: Kysely<Database>, id: string, field: string): Promise<void> {
  const row = await findMemberRow(db, id);
  if (!row || row.status === 'disabled') throw errors.referenceMissing('active member', field);
}

export async function listCustomisations(db: Kysely<Database>, deploymentId: string): Promise<Customisation[]> {
  const rows = await db
    .selectFrom('deployment_customisations')
    .selectAll()
    .where('deployment_id', '=', deploymentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const owners = await memberRefs(
    db,
    rows.map((r) => r.owner_id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    reason: r.reason,
    owner: r.owner_id ? { id: r.owner_id, name: owners.get(r.owner_id)?.name ?? '' } : null,
    repositoryUrl: r.repository_url,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function addCustomisation(
  db: Kysely<Database>,
  ctx: ChangeContext,
  deploymentId: string,
  input: CustomisationInput,
  now = new Date(),
): Promise<Customisation> {
  const id = newId();
  await inTransaction(db, async (trx) => {
    await requireEnvironment(trx, deploymentId);
    if (input.ownerId) await assertMember(trx, input.ownerId, 'ownerId');
    const at = now.toISOString();
    await trx
      .insertInto('deployment_customisations')
      .values({
        id,
        deployment_id: deploymentId,
        title: input.title,
        reason: input.reason || null,
        owner_id: input.ownerId ?? null,
        repository_url: input.repositoryUrl ?? null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'environment.customisation_added',
      recordType: 'environment',
      recordId: deploymentId,
      changes: diff(null, {
        customisationId: id,
        title: input.title,
        reason: input.reason || null,
        ownerId: input.ownerId ?? null,
        repositoryUrl: input.repositoryUrl ?? null,
      }),
    });
  });
  return (await listCustomisations(db, deploymentId)).find((c) => c.id === id)!;
}

async function findCustomisation(db: Kysely<Database>, deploymentId: string, id: string) {
  await requireEnvironment(db, deploymentId);
  const row = await db
    .selectFrom('deployment_customisations')
    .selectAll()
    .where('id', '=', id)
    .where('deployment_id', '=', deploymentId)
    .executeTakeFirst();
  if (!row) throw errors.customisationNotFound();
  return row;
}

export async function updateCustomisation(
  db: Kysely<Database>,
  ctx: ChangeContext,
  deploymentId: string,
  id: string,
  input: Partial<CustomisationInput>,
  now = new Date(),
): Promise<Customisation> {
  await inTransaction(db, async (trx) => {
    const before = await findCustomisation(trx, deploymentId, id);
    if (input.ownerId) await assertMember(trx, input.ownerId, 'ownerId');
    const after = {
      title: input.title ?? before.title,
      reason: input.reason === undefined ? before.reason : input.reason || null,
      owner_id: input.ownerId === undefined ? before.owner_id : (input.ownerId ?? null),
      repository_url: input.repositoryUrl === undefined ? before.repository_url : (input.repositoryUrl ?? null),
    };
    const changes = diff(
      { title: before.title, reason: before.reason, ownerId: before.owner_id, repositoryUrl: before.repository_url },
      { title: after.title, reason: after.reason, ownerId: after.owner_id, repositoryUrl: after.repository_url },
    );
    if (!Object.keys(changes).length) return;
    await trx
      .updateTable('deployment_customisations')
      .set({ ...after, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'environment.customisation_updated',
      recordType: 'environment',
      recordId: deploymentId,
      changes: { customisationId: [id, id], ...changes },
    });
  });
  return (await listCustomisations(db, deploymentId)).find((c) => c.id === id)!;
}

export async function removeCustomisation(db: Kysely<Database>, ctx: ChangeContext, deploymentId: string, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await findCustomisation(trx, deploymentId, id);
    await trx.deleteFrom('deployment_customisations').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'environment.customisation_removed',
      recordType: 'environment',
      recordId: deploymentId,
      changes: diff({ customisationId: id, title: before.title, repositoryUrl: before.repository_url }, null),
    });
  });
}
