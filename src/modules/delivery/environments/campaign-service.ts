import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { UNSOLVED } from '../../support/contract/tickets.js';
import { createTicket, getTicket } from '../../support/index.js';
import { findMemberRow } from '../../team/index.js';
import { listEnvironments } from './environment-list.read-model.js';
import { findCampaignRow, getCampaign, windowsOf, type CampaignRow } from './campaign-board.js';
import { environmentSummaries, findEnvironmentRow, primaryContactOf, recordUpgrade } from './environment-service.js';
import { assertKnownVersion } from './release-service.js';
import type {
  AddEnvironmentsInput,
  Campaign,
  CreateCampaignInput,
  EnvironmentSummary,
  ScopeFilters,
  StateChangeInput,
  UpdateCampaignInput,
  WindowInput,
} from '../contract/environments.js';
import { UPGRADE_TRANSITIONS } from '../contract/kinds.js';
import { compareVersions } from './version-compare.js';

/**
 * Changing upgrade campaigns: creating one over a scope of environments, its windows, adding
 * environments, and moving each environment's upgrade from state to state. Reading them (the list
 * and a campaign's board) is campaign-board.ts.
 */

/**
 * The active environments of the product that the filters select: segment, hosting, environment
 * name (case-insensitive), accounts, and — by default — only those on a version older than the target.
 */
export async function resolveScope(
  db: Kysely<Database>,
  product: string,
  targetVersion: string,
  filters: Partial<ScopeFilters>,
): Promise<EnvironmentSummary[]> {
  const all = await listEnvironments(db, { product, segments: filters.segments, hosting: filters.hosting, status: 'active' });
  const names = filters.names?.map((n) => n.toLowerCase());
  const accountIds = filters.accountIds ? new Set(filters.accountIds) : null;
  return all.filter(
    (e) =>
      (!names?.length || names.includes(e.name.toLowerCase())) &&
      (!accountIds || accountIds.has(e.account.id)) &&
      (filters.belowTarget === false || compareVersions(e.version, targetVersion) < 0),
  );
}

async function assertMember(db: Kysely<Database>, id: string, field: string): Promise<void> {
  const row = await findMemberRow(db, id);
  if (!row || row.status === 'disabled') throw errors.referenceMissing('active member', field);
}

async function insertWindows(db: Kysely<Database>, campaignId: string, windows: readonly WindowInput[]): Promise<void> {
  if (!windows.length) return;
  await db
    .insertInto('campaign_windows')
    .values(
      windows.map((w) => ({
        id: newId(),
        campaign_id: campaignId,
        starts_at: new Date(w.startsAt).toISOString(),
        ends_at: new Date(w.endsAt).toISOString(),
        note: w.note || null,
      })),
    )
    .execute();
}

async function addEntries(
  db: Kysely<Database>,
  ctx: ChangeContext,
  campaignId: string,
  environments: readonly EnvironmentSummary[],
  at: string,
): Promise<number> {
  const existing = new Set(
    (await db.selectFrom('campaign_deployments').select('deployment_id').where('campaign_id', '=', campaignId).execute()).map(
      (r) => r.deployment_id,
    ),
  );
  const fresh = environments.filter((e) => !existing.has(e.id));
  if (!fresh.length) return 0;
  await db
    .insertInto('campaign_deployments')
    .values(
      fresh.map((e) => ({
        campaign_id: campaignId,
        deployment_id: e.id,
        state: 'scheduled' as const,
        from_version: e.version,
        note: null,
        ticket_id: null,
        updated_by: ctx.memberId,
        added_at: at,
        updated_at: at,
      })),
    )
    .execute();
  await db
    .insertInto('campaign_deployment_events')
    .values(
      fresh.map((e) => ({
        id: newId(),
        campaign_id: campaignId,
        deployment_id: e.id,
        from_state: null,
        to_state: 'scheduled' as const,
        note: null,
        ticket_id: null,
        actor_id: ctx.memberId,
        at,
      })),
    )
    .execute();
  return fresh.length;
}

export async function createCampaign(
  db: Kysely<Database>,
  ctx: ChangeContext,
  input: CreateCampaignInput,
  now = new Date(),
): Promise<Campaign> {
  const id = newId();
  await inTransaction(db, async (trx) => {
    const target = await assertKnownVersion(trx, input.product, input.targetVersion, 'targetVersion');
    if (input.ownerId) await assertMember(trx, input.ownerId, 'ownerId');
    const scope = await resolveScope(trx, input.product, target, input.filters);
    const at = now.toISOString();
    await trx
      .insertInto('upgrade_campaigns')
      .values({
        id,
        name: input.name,
        product: input.product,
        target_version: target,
        owner_id: input.ownerId ?? ctx.memberId,
        status: 'active',
        description: input.description || null,
        filters: JSON.stringify(input.filters),
        created_by: ctx.memberId,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await insertWindows(trx, id, input.windows);
    await addEntries(trx, ctx, id, scope, at);
    await recordAudit(trx, ctx, {
      action: 'campaign.created',
      recordType: 'campaign',
      recordId: id,
      changes: diff(null, {
        name: input.name,
        product: input.product,
        targetVersion: target,
        filters: input.filters,
        environmentIds: scope.map((e) => e.id),
        windows: input.windows,
      }),
    });
  });
  return getCampaign(db, id);
}

export async function updateCampaign(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateCampaignInput,
  now = new Date(),
): Promise<Campaign> {
  await inTransaction(db, async (trx) => {
    const before = await findCampaignRow(trx, id);
    if (input.ownerId) await assertMember(trx, input.ownerId, 'ownerId');
    const after = {
      name: input.name ?? before.name,
      owner_id: input.ownerId === undefined ? before.owner_id : (input.ownerId ?? null),
      description: input.description === undefined ? before.description : input.description || null,
      status: input.status ?? before.status,
    };
    const changes = diff(
      { name: before.name, ownerId: before.owner_id, description: before.description, status: before.status },
      { name: after.name, ownerId: after.owner_id, description: after.description, status: after.status },
    );
    if (!Object.keys(changes).length) return;
    await trx
      .updateTable('upgrade_campaigns')
      .set({ ...after, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, { action: 'campaign.updated', recordType: 'campaign', recordId: id, changes });
  });
  return getCampaign(db, id);
}

export async function replaceWindows(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  windows: readonly WindowInput[],
  now = new Date(),
): Promise<Campaign> {
  await inTransaction(db, async (trx) => {
    await findCampaignRow(trx, id);
    const before = (await windowsOf(trx, [id])).get(id) ?? [];
    await trx.deleteFrom('campaign_windows').where('campaign_id', '=', id).execute();
    await insertWindows(trx, id, windows);
    await trx.updateTable('upgrade_campaigns').set({ updated_at: now.toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'campaign.windows_changed',
      recordType: 'campaign',
      recordId: id,
      changes: {
        windows: [
          before.map((w) => ({ startsAt: w.startsAt, endsAt: w.endsAt })),
          windows.map((w) => ({ startsAt: w.startsAt, endsAt: w.endsAt })),
        ],
      },
    });
  });
  return getCampaign(db, id);
}

/** Adds environments by id (each must be an active environment of the product) or by filters. */
export async function addEnvironments(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: AddEnvironmentsInput,
  now = new Date(),
): Promise<Campaign & { added: number }> {
  let added = 0;
  await inTransaction(db, async (trx) => {
    const campaign = await findCampaignRow(trx, id);
    if (campaign.status !== 'active') throw errors.campaignClosed();
    let found: EnvironmentSummary[] = [];
    if (input.deploymentIds) {
      const summaries = await environmentSummaries(trx, input.deploymentIds);
      for (const deploymentId of input.deploymentIds) {
        const e = summaries.get(deploymentId);
        if (!e) throw errors.referenceMissing('environment', 'deploymentIds');
        if (e.product !== campaign.product) throw errors.environmentWrongProduct({ field: 'deploymentIds', deploymentId });
        found.push(e);
      }
    }
    if (input.filters) found = [...found, ...(await resolveScope(trx, campaign.product, campaign.target_version, input.filters))];
    added = await addEntries(trx, ctx, id, found, now.toISOString());
    if (added) {
      await trx.updateTable('upgrade_campaigns').set({ updated_at: now.toISOString() }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, {
        action: 'campaign.environments_added',
        recordType: 'campaign',
        recordId: id,
        changes: { environmentIds: [null, [...new Set(found.map((e) => e.id))]] },
      });
    }
  });
  return { ...(await getCampaign(db, id)), added };
}

/**
 * Moves one environment's upgrade to a new state, with a note. Done puts the environment on the
 * target version and stamps its last upgrade; rolled back after done returns it to the version it
 * had; failed opens a support ticket linked to the environment (unless one it opened is still
 * unsolved) — all in one transaction with the state change and its audit entries.
 */
export async function changeUpgradeState(
  db: Kysely<Database>,
  ctx: ChangeContext,
  campaignId: string,
  deploymentId: string,
  input: StateChangeInput,
  now = new Date(),
): Promise<Campaign> {
  await inTransaction(db, async (trx) => {
    const campaign = await findCampaignRow(trx, campaignId);
    const entry = await trx
      .selectFrom('campaign_deployments')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('deployment_id', '=', deploymentId)
      .executeTakeFirst();
    if (!entry) throw errors.campaignEntryNotFound();
    if (campaign.status !== 'active') throw errors.campaignClosed();
    const from = entry.state;
    const to = input.state;
    if (from !== to && !UPGRADE_TRANSITIONS[from].includes(to)) throw errors.upgradeTransition(from, to);
    if (from === to && !input.note) return;
    const at = now.toISOString();
    let ticketId = entry.ticket_id;
    let openedTicket: string | null = null;
    if (from !== to && to === 'done') await recordUpgrade(trx, ctx, deploymentId, campaign.target_version, 'upgraded', at);
    if (from === 'done' && to === 'rolled_back') await recordUpgrade(trx, ctx, deploymentId, entry.from_version, 'rolled_back', at);
    if (from !== to && to === 'failed') {
      const stillOpen = ticketId
        ? await getTicket(trx, ticketId)
            .then((t) => UNSOLVED.includes(t.status))
            .catch(() => false)
        : false;
      if (!stillOpen) {
        openedTicket = await openFailureTicket(trx, ctx, campaign, deploymentId, input.note ?? null, now);
        ticketId = openedTicket ?? ticketId;
      }
    }
    await trx
      .updateTable('campaign_deployments')
      .set({ state: to, note: input.note ?? entry.note, ticket_id: ticketId, updated_by: ctx.memberId, updated_at: at })
      .where('campaign_id', '=', campaignId)
      .where('deployment_id', '=', deploymentId)
      .execute();
    await trx
      .insertInto('campaign_deployment_events')
      .values({
        id: newId(),
        campaign_id: campaignId,
        deployment_id: deploymentId,
        from_state: from,
        to_state: to,
        note: input.note || null,
        ticket_id: openedTicket,
        actor_id: ctx.memberId,
        at,
      })
      .execute();
    await trx.updateTable('upgrade_campaigns').set({ updated_at: at }).where('id', '=', campaignId).execute();
    await recordAudit(trx, ctx, {
      action: from === to ? 'campaign.upgrade_noted' : 'campaign.upgrade_state_changed',
      recordType: 'campaign',
      recordId: campaignId,
      changes: {
        deploymentId: [deploymentId, deploymentId],
        state: [from, to],
        ...(input.note ? { note: [entry.note, input.note] } : {}),
        ...(openedTicket ? { ticketId: [entry.ticket_id, openedTicket] } : {}),
      },
    });
  });
  return getCampaign(db, campaignId);
}

/**
 * The support ticket for a failed upgrade, through the support module's own service (so it gets
 * its SLA, number, search entry and history like any other), in the caller's transaction. The
 * requester is the environment's first responsible contact, else the account's first contact; an
 * account with no contacts gets no ticket (the failure is still recorded).
 */
async function openFailureTicket(
  db: Kysely<Database>,
  ctx: ChangeContext,
  campaign: CampaignRow,
  deploymentId: string,
  note: string | null,
  now: Date,
): Promise<string | null> {
  const requesterId = await primaryContactOf(db, deploymentId);
  if (!requesterId) return null;
  const env = await findEnvironmentRow(db, deploymentId);
  const description = [
    `The upgrade of ${env.account_name} ${env.name} (${env.product} ${env.version}) to ${campaign.target_version} failed during the campaign "${campaign.name}".`,
    note ? `\nWhat happened: ${note}` : '',
    `\nEnvironment: ${env.hosting.replace('_', '-')}${env.region ? `, ${env.region}` : ''}.`,
  ].join('');
  const ticket = await createTicket(
    db,
    ctx,
    {
      subject: `Upgrade to ${campaign.target_version} failed on ${env.account_name} ${env.name}`,
      description,
      requesterId,
      priority: env.name_lower === 'production' ? 'high' : 'normal',
      channel: 'web',
      tags: ['upgrade', 'upgrade-failed'],
      deploymentId,
    },
    'web',
    now,
  );
  return ticket.id;
}
