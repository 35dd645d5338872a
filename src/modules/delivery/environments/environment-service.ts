import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import * as accounts from '../../accounts/index.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { findMemberRow, memberRefs } from '../../team/index.js';
import { configDiff } from './config-diff.js';
import { listCustomisations } from './customisation-service.js';
import { allCatalogues, assertKnownVersion, catalogueOf, type Catalogue } from './release-service.js';
import type {
  ConfigVersion,
  CreateEnvironmentInput,
  Environment,
  EnvironmentSummary,
  UpdateEnvironmentInput,
} from '../contract/environments.js';
import type { DeploymentsTable } from './tables.js';
import { compareVersions, versionsBehind } from './version-compare.js';

/** A deployment with its account's name and segment: what a summary shows. */
export type DeploymentRow = Selectable<DeploymentsTable> & { account_name: string; account_segment: accounts.AccountRef['segment'] };

/** Whose environment this is: a support ticket may name the environment it is about (support asks through its port). */
export async function environmentAccountOf(db: Kysely<Database>, deploymentId: string): Promise<string | null> {
  const row = await db.selectFrom('deployments').select('account_id').where('id', '=', deploymentId).executeTakeFirst();
  return row?.account_id ?? null;
}

/**
 * Deployments with their accounts' names and segments, one read of accounts for them all (the
 * lists that filter and page by the account are environment-list.read-model.ts). A deployment
 * whose account is gone is left out, as the join this replaces did.
 */
async function withAccounts(db: Kysely<Database>, rows: Selectable<DeploymentsTable>[]): Promise<DeploymentRow[]> {
  const owners = await accounts.accountRefs(
    db,
    rows.map((r) => r.account_id),
  );
  return rows.flatMap((r) => {
    const account = owners.get(r.account_id);
    return account ? [{ ...r, account_name: account.name, account_segment: account.segment }] : [];
  });
}

export function toSummary(r: DeploymentRow, catalogue: Catalogue | undefined): EnvironmentSummary {
  const versions = catalogue?.versions ?? [];
  const release = catalogue?.releases.find((x) => compareVersions(x.version, r.version) === 0);
  return {
    id: r.id,
    account: { id: r.account_id, name: r.account_name, segment: r.account_segment },
    name: r.name,
    product: r.product,
    version: r.version,
    hosting: r.hosting,
    region: r.region,
    status: r.status,
    latestVersion: catalogue?.latest ?? null,
    versionsBehind: versionsBehind(r.version, versions),
    versionSupported: release ? Number(release.supported) === 1 : false,
    lastUpgradedAt: r.last_upgraded_at,
    configVersion: Number(r.config_version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Summaries of the given environments, by id; pass `catalogues` when they are already read. */
export async function environmentSummaries(
  db: Kysely<Database>,
  ids: readonly string[],
  catalogues?: Map<string, Catalogue>,
): Promise<Map<string, EnvironmentSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await withAccounts(
    db,
    await db
      .selectFrom('deployments')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute(),
  );
  catalogues ??= await allCatalogues(db);
  return new Map(rows.map((r) => [r.id, toSummary(r, catalogues.get(r.product))]));
}

async function findRow(db: Kysely<Database>, id: string): Promise<DeploymentRow> {
  const [row] = await withAccounts(db, await db.selectFrom('deployments').selectAll().where('id', '=', id).execute());
  if (!row) throw errors.environmentNotFound();
  return row;
}

export async function getEnvironment(db: Kysely<Database>, id: string): Promise<Environment> {
  const row = await findRow(db, id);
  const catalogue = await catalogueOf(db, row.product);
  const responsible = await db
    .selectFrom('deployment_contacts')
    .select('contact_id')
    .where('deployment_id', '=', id)
    .orderBy('position')
    .execute();
  const contactsById = await accounts.contactRefs(
    db,
    responsible.map((r) => r.contact_id),
  );
  const contacts = responsible.flatMap((r) => {
    const c = contactsById.get(r.contact_id);
    return c ? [{ id: c.id, name: c.name, email: c.email, title: c.title }] : [];
  });
  const customisations = await listCustomisations(db, id);
  const campaigns = await db
    .selectFrom('campaign_deployments')
    .innerJoin('upgrade_campaigns', 'upgrade_campaigns.id', 'campaign_deployments.campaign_id')
    .select([
      'upgrade_campaigns.id',
      'upgrade_campaigns.name',
      'upgrade_campaigns.target_version',
      'upgrade_campaigns.status',
      'campaign_deployments.state',
      'campaign_deployments.from_version',
      'campaign_deployments.ticket_id',
      'campaign_deployments.updated_at',
    ])
    .where('campaign_deployments.deployment_id', '=', id)
    .orderBy('upgrade_campaigns.created_at', 'desc')
    .execute();
  const creator = row.created_by ? await findMemberRow(db, row.created_by) : undefined;
  return {
    ...toSummary(row, catalogue),
    configuration: JSON.parse(row.configuration) as Record<string, unknown>,
    contacts,
    customisations,
    campaigns: campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      targetVersion: c.target_version,
      campaignStatus: c.status,
      state: c.state,
      fromVersion: c.from_version,
      ticketId: c.ticket_id,
      updatedAt: c.updated_at,
    })),
    createdBy: creator ? { id: creator.id, name: creator.name } : null,
  };
}

/** Contacts named as responsible must exist and belong to the environment's account. */
async function assertContacts(db: Kysely<Database>, accountId: string, contactIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(contactIds)];
  for (const contactId of unique) {
    const contact = await accounts.findContact(db, contactId);
    if (!contact) throw errors.referenceMissing('contact', 'contactIds');
    if (contact.accountId !== accountId) throw errors.contactNotOnAccount({ field: 'contactIds', contactId });
  }
  return unique;
}

async function assertNameFree(db: Kysely<Database>, accountId: string, product: string, name: string, exceptId?: string): Promise<void> {
  let q = db
    .selectFrom('deployments')
    .select('id')
    .where('account_id', '=', accountId)
    .where('product', '=', product)
    .where('name_lower', '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw errors.duplicate(`An environment of ${product} on this account`, 'name', 'name');
}

async function replaceContacts(db: Kysely<Database>, deploymentId: string, contactIds: readonly string[]): Promise<void> {
  await db.deleteFrom('deployment_contacts').where('deployment_id', '=', deploymentId).execute();
  if (contactIds.length) {
    await db
      .insertInto('deployment_contacts')
      .values(contactIds.map((contactId, position) => ({ deployment_id: deploymentId, contact_id: contactId, position })))
      .execute();
  }
}

const pretty = (value: Record<string, unknown>) => JSON.stringify(value, null, 2);

export async function createEnvironment(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: CreateEnvironmentInput,
  now = new Date(),
): Promise<Environment> {
  const id = newId();
  await inTransaction(db, async (trx) => {
    if (!(await accounts.accountExists(trx, accountId))) throw errors.accountNotFound();
    const version = await assertKnownVersion(trx, input.product, input.version, 'version');
    const contactIds = await assertContacts(trx, accountId, input.contactIds);
    await assertNameFree(trx, accountId, input.product, input.name);
    const at = now.toISOString();
    const configuration = pretty(input.configuration ?? {});
    await trx
      .insertInto('deployments')
      .values({
        id,
        account_id: accountId,
        name: input.name,
        name_lower: input.name.toLowerCase(),
        product: input.product,
        version,
        hosting: input.hosting,
        region: input.region || null,
        configuration,
        config_version: 1,
        status: 'active',
        last_upgraded_at: null,
        created_by: ctx.memberId,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx
      .insertInto('deployment_config_versions')
      .values({ deployment_id: id, version: 1, configuration, note: 'Registered', changed_by: ctx.memberId, changed_at: at })
      .execute();
    await replaceContacts(trx, id, contactIds);
    await recordAudit(trx, ctx, {
      action: 'environment.created',
      recordType: 'environment',
      recordId: id,
      changes: diff(null, {
        accountId,
        name: input.name,
        product: input.product,
        version,
        hosting: input.hosting,
        region: input.region || null,
        contactIds,
      }),
    });
  });
  return getEnvironment(db, id);
}

export async function updateEnvironment(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateEnvironmentInput,
  now = new Date(),
): Promise<Environment> {
  await inTransaction(db, async (trx) => {
    const before = await findRow(trx, id);
    const patch: Partial<Selectable<DeploymentsTable>> = {};
    if (input.name !== undefined && input.name !== before.name) {
      await assertNameFree(trx, before.account_id, before.product, input.name, id);
      patch.name = input.name;
      patch.name_lower = input.name.toLowerCase();
    }
    if (input.version !== undefined) {
      const version = await assertKnownVersion(trx, before.product, input.version, 'version');
      if (version !== before.version) {
        patch.version = version;
        // An upgrade done outside a campaign still counts as the environment's last upgrade.
        if (compareVersions(version, before.version) > 0) patch.last_upgraded_at = now.toISOString();
      }
    }
    if (input.hosting !== undefined) patch.hosting = input.hosting;
    if (input.region !== undefined) patch.region = input.region || null;
    if (input.status !== undefined) patch.status = input.status;
    let contactChange: [string[], string[]] | null = null;
    if (input.contactIds !== undefined) {
      const contactIds = await assertContacts(trx, before.account_id, input.contactIds);
      const old = (
        await trx.selectFrom('deployment_contacts').select('contact_id').where('deployment_id', '=', id).orderBy('position').execute()
      ).map((r) => r.contact_id);
      if (JSON.stringify(old) !== JSON.stringify(contactIds)) {
        await replaceContacts(trx, id, contactIds);
        contactChange = [old, contactIds];
      }
    }
    const fields = (r: Partial<Selectable<DeploymentsTable>>) => ({
      name: r.name,
      version: r.version,
      hosting: r.hosting,
      region: r.region,
      status: r.status,
    });
    const changes = diff(fields(before), fields({ ...before, ...patch }));
    if (contactChange) changes.contactIds = contactChange;
    if (!Object.keys(changes).length) return;
    await trx
      .updateTable('deployments')
      .set({ ...patch, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, { action: 'environment.updated', recordType: 'environment', recordId: id, changes });
  });
  return getEnvironment(db, id);
}

/**
 * Saves a new configuration as the next version. Saving what is already there changes nothing
 * (no empty version in the history).
 */
export async function saveConfiguration(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: { configuration: Record<string, unknown>; note?: string | undefined },
  now = new Date(),
): Promise<Environment> {
  await inTransaction(db, async (trx) => {
    const before = await findRow(trx, id);
    const configuration = pretty(input.configuration);
    const changes = configDiff(JSON.parse(before.configuration) as Record<string, unknown>, input.configuration);
    if (!changes.length) return;
    const version = Number(before.config_version) + 1;
    const at = now.toISOString();
    await trx
      .insertInto('deployment_config_versions')
      .values({ deployment_id: id, version, configuration, note: input.note || null, changed_by: ctx.memberId, changed_at: at })
      .execute();
    await trx.updateTable('deployments').set({ configuration, config_version: version, updated_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'environment.configuration_changed',
      recordType: 'environment',
      recordId: id,
      changes: Object.fromEntries(changes.map((c) => [`configuration.${c.path}`, [c.before, c.after]])),
    });
  });
  return getEnvironment(db, id);
}

/** Every saved configuration, newest first, each with what changed against the one before. */
export async function configHistory(db: Kysely<Database>, id: string): Promise<ConfigVersion[]> {
  await findRow(db, id);
  const rows = await db.selectFrom('deployment_config_versions').selectAll().where('deployment_id', '=', id).orderBy('version').execute();
  const members = await memberRefs(
    db,
    rows.map((r) => r.changed_by),
  );
  let previous: Record<string, unknown> = {};
  const out: ConfigVersion[] = [];
  for (const r of rows) {
    const configuration = JSON.parse(r.configuration) as Record<string, unknown>;
    out.push({
      version: Number(r.version),
      configuration,
      note: r.note,
      changedBy: r.changed_by ? { id: r.changed_by, name: members.get(r.changed_by)?.name ?? '' } : null,
      changedAt: r.changed_at,
      changes: configDiff(previous, configuration),
    });
    previous = configuration;
  }
  return out.reverse();
}

/**
 * Records the outcome of an upgrade on the environment itself (the campaign service calls it in
 * its transaction): the new version, and when it was upgraded unless this is a rollback.
 */
export async function recordUpgrade(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  version: string,
  kind: 'upgraded' | 'rolled_back',
  at: string,
): Promise<void> {
  const before = await findRow(db, id);
  if (before.version === version && kind === 'rolled_back') return;
  await db
    .updateTable('deployments')
    .set({ version, updated_at: at, ...(kind === 'upgraded' ? { last_upgraded_at: at } : {}) })
    .where('id', '=', id)
    .execute();
  await recordAudit(db, ctx, {
    action: kind === 'upgraded' ? 'environment.upgraded' : 'environment.rolled_back',
    recordType: 'environment',
    recordId: id,
    changes: diff({ version: before.version }, { version }),
  });
}

/** The first contact responsible for the environment, else the account's first contact. */
export async function primaryContactOf(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await findRow(db, id);
  const responsible = await db
    .selectFrom('deployment_contacts')
    .select('contact_id')
    .where('deployment_id', '=', id)
    .orderBy('position')
    .executeTakeFirst();
  if (responsible) return responsible.contact_id;
  const contacts = await accounts.listContacts(db, row.account_id);
  return contacts[0]?.id ?? null;
}

export { findRow as findEnvironmentRow };
