import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import * as accounts from '../../accounts/index.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { decodeCursor, encodeCursor, toPage, type Page } from '../../../kernel/pagination.js';
import { findMemberRow } from '../../team/index.js';
import { configDiff } from './config-diff.js';
import { listCustomisations } from './customisation-service.js';
import { allCatalogues, assertKnownVersion, catalogueOf, type Catalogue } from './release-service.js';
import type {
  ConfigVersion,
  CreateEnvironmentInput,
  Environment,
  EnvironmentListQuery,
  EnvironmentPageQuery,
  EnvironmentSummary,
  UpdateEnvironmentInput,
} from '../contract/environments.js';
import type { DeploymentsTable } from './tables.js';
import { compareVersions, versionsBehind } from './version-compare.js';

type DeploymentRow = Selectable<DeploymentsTable> & { account_name: string; account_segment: Selectable<Database['accounts']>['segment'] };

/** Whose environment this is: a support ticket may name the environment it is about (support asks through its port). */
export async function environmentAccountOf(db: Kysely<Database>, deploymentId: string): Promise<string | null> {
  const row = await db.selectFrom('deployments').select('account_id').where('id', '=', deploymentId).executeTakeFirst();
  return row?.account_id ?? null;
}

export function deploymentsWithAccount(db: Kysely<Database>) {
  return db
    .selectFrom('deployments')
    .innerJoin('accounts', 'accounts.id', 'deployments.account_id')
    .selectAll('deployments')
    .select(['accounts.name as account_name', 'accounts.segment as account_segment']);
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
  const rows = await deploymentsWithAccount(db).where('deployments.id', 'in', [...ids]).execute();
  catalogues ??= await allCatalogues(db);
  return new Map(rows.map((r) => [r.id, toSummary(r, catalogues.get(r.product))]));
}

/** Deployments joined to their accounts, narrowed by the list's filters (all but minBehind). */
export function filteredDeployments(db: Kysely<Database>, q: Partial<EnvironmentListQuery>) {
  let query = deploymentsWithAccount(db);
  if (q.product) query = query.where('deployments.product', '=', q.product);
  if (q.accountId) query = query.where('deployments.account_id', '=', q.accountId);
  if (q.segments?.length) query = query.where('accounts.segment', 'in', q.segments);
  if (q.hosting?.length) query = query.where('deployments.hosting', 'in', q.hosting);
  if (q.name) query = query.where('deployments.name_lower', '=', q.name.toLowerCase());
  if (q.status && q.status !== 'all') query = query.where('deployments.status', '=', q.status);
  return query;
}

/**
 * A page of the environments matching the filters, by account name then environment id: a keyset,
 * so a deep page costs what the first does. `minBehind` becomes the list of versions at least that
 * far behind (a product has few), so the database does the filtering and every page is full.
 */
export async function pageEnvironments(db: Kysely<Database>, q: EnvironmentPageQuery): Promise<Page<EnvironmentSummary>> {
  const catalogues = await allCatalogues(db);
  let query = filteredDeployments(db, q);
  if (q.minBehind !== undefined) {
    const minBehind = q.minBehind;
    const versions = await filteredDeployments(db, q).clearSelect().select(['deployments.product', 'deployments.version']).distinct().execute();
    const behind = versions.filter((v) => versionsBehind(v.version, catalogues.get(v.product)?.versions ?? []) >= minBehind);
    if (behind.length === 0) return { items: [], nextCursor: null };
    query = query.where((eb) => eb.or(behind.map((v) => eb.and([eb('deployments.product', '=', v.product), eb('deployments.version', '=', v.version)]))));
  }
  if (q.cursor) {
    const after = decodeCursor(q.cursor, 'string');
    const name = String(after.sortValue);
    query = query.where((eb) => eb.or([eb('accounts.name', '>', name), eb.and([eb('accounts.name', '=', name), eb('deployments.id', '>', after.id)])]));
  }
  const rows = await query.orderBy('accounts.name').orderBy('deployments.id').limit(q.limit + 1).execute();
  const page = toPage(rows, q.limit, (r) => encodeCursor(r.account_name, r.id));
  return { items: page.items.map((r) => toSummary(r, catalogues.get(r.product))), nextCursor: page.nextCursor };
}

/**
 * Environments matching the filters, by account name then environment name. `minBehind` is
 * applied after "versions behind" is worked out from the catalogue.
 */
export async function listEnvironments(db: Kysely<Database>, q: Partial<EnvironmentListQuery>): Promise<EnvironmentSummary[]> {
  const rows = await filteredDeployments(db, q).orderBy('accounts.name').orderBy('deployments.product').orderBy('deployments.name_lower').orderBy('deployments.id').execute();
  const catalogues = await allCatalogues(db);
  const summaries = rows.map((r) => toSummary(r, catalogues.get(r.product)));
  return q.minBehind !== undefined ? summaries.filter((s) => s.versionsBehind >= q.minBehind!) : summaries;
}

async function findRow(db: Kysely<Database>, id: string): Promise<DeploymentRow> {
  const row = await deploymentsWithAccount(db).where('deployments.id', '=', id).executeTakeFirst();
  if (!row) throw errors.environmentNotFound();
  return row;
}

export async function getEnvironment(db: Kysely<Database>, id: string): Promise<Environment> {
  const row = await findRow(db, id);
  const catalogue = await catalogueOf(db, row.product);
  const contacts = await db
    .selectFrom('deployment_contacts')
    .innerJoin('contacts', 'contacts.id', 'deployment_contacts.contact_id')
    .select(['contacts.id', 'contacts.name', 'contacts.email', 'contacts.title'])
    .where('deployment_contacts.deployment_id', '=', id)
    .orderBy('deployment_contacts.position')
    .execute();
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
  let q = db.selectFrom('deployments').select('id').where('account_id', '=', accountId).where('product', '=', product).where('name_lower', '=', name.toLowerCase());
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
      changes: diff(null, { accountId, name: input.name, product: input.product, version, hosting: input.hosting, region: input.region || null, contactIds }),
    });
  });
  return getEnvironment(db, id);
}

export async function updateEnvironment(db: Kysely<Database>, ctx: ChangeContext, id: string, input: UpdateEnvironmentInput, now = new Date()): Promise<Environment> {
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
      const old = (await trx.selectFrom('deployment_contacts').select('contact_id').where('deployment_id', '=', id).orderBy('position').execute()).map((r) => r.contact_id);
      if (JSON.stringify(old) !== JSON.stringify(contactIds)) {
        await replaceContacts(trx, id, contactIds);
        contactChange = [old, contactIds];
      }
    }
    const fields = (r: Partial<Selectable<DeploymentsTable>>) => ({ name: r.name, version: r.version, hosting: r.hosting, region: r.region, status: r.status });
    const changes = diff(fields(before), fields({ ...before, ...patch }));
    if (contactChange) changes.contactIds = contactChange;
    if (!Object.keys(changes).length) return;
    await trx.updateTable('deployments').set({ ...patch, updated_at: now.toISOString() }).where('id', '=', id).execute();
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
    await trx.insertInto('deployment_config_versions').values({ deployment_id: id, version, configuration, note: input.note || null, changed_by: ctx.memberId, changed_at: at }).execute();
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
  const rows = await db
    .selectFrom('deployment_config_versions')
    .leftJoin('members', 'members.id', 'deployment_config_versions.changed_by')
    .selectAll('deployment_config_versions')
    .select('members.name as member_name')
    .where('deployment_id', '=', id)
    .orderBy('version')
    .execute();
  let previous: Record<string, unknown> = {};
  const out: ConfigVersion[] = [];
  for (const r of rows) {
    const configuration = JSON.parse(r.configuration) as Record<string, unknown>;
    out.push({
      version: Number(r.version),
      configuration,
      note: r.note,
      changedBy: r.changed_by ? { id: r.changed_by, name: r.member_name ?? '' } : null,
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
  const responsible = await db.selectFrom('deployment_contacts').select('contact_id').where('deployment_id', '=', id).orderBy('position').executeTakeFirst();
  if (responsible) return responsible.contact_id;
  const contacts = await accounts.listContacts(db, row.account_id);
  return contacts[0]?.id ?? null;
}

export { findRow as findEnvironmentRow };
