import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import { getTicket } from '../../support/index.js';
import { memberRefs } from '../../team/index.js';
import { environmentSummaries } from './environment-service.js';
import type { Campaign, CampaignEntry, CampaignSummary, Progress } from '../contract/environments.js';
import { UPGRADE_STATES, type UpgradeCampaignsTable, type UpgradeState } from './tables.js';

/**
 * Reading upgrade campaigns: the list, and one campaign's board (every environment in it with its
 * upgrade state, history and any failure ticket). What changes them is campaign-service.ts.
 */

export type CampaignRow = Selectable<UpgradeCampaignsTable>;

/** Counts per state and the share done, as a whole percentage. */
export function progressOf(states: readonly UpgradeState[]): Progress {
  const byState = Object.fromEntries(UPGRADE_STATES.map((s) => [s, 0])) as Record<UpgradeState, number>;
  for (const s of states) byState[s]++;
  const total = states.length;
  return { total, byState, percentDone: total === 0 ? 0 : Math.round((byState.done * 100) / total) };
}

export async function findCampaignRow(db: Kysely<Database>, id: string): Promise<CampaignRow> {
  const row = await db.selectFrom('upgrade_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.campaignNotFound();
  return row;
}

export async function windowsOf(db: Kysely<Database>, campaignIds: readonly string[]) {
  if (!campaignIds.length) return new Map<string, CampaignSummary['windows']>();
  const rows = await db
    .selectFrom('campaign_windows')
    .selectAll()
    .where('campaign_id', 'in', [...campaignIds])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  const out = new Map<string, CampaignSummary['windows']>();
  for (const r of rows)
    out.set(r.campaign_id, [...(out.get(r.campaign_id) ?? []), { id: r.id, startsAt: r.starts_at, endsAt: r.ends_at, note: r.note }]);
  return out;
}

async function statesOf(db: Kysely<Database>, campaignIds: readonly string[]) {
  if (!campaignIds.length) return new Map<string, UpgradeState[]>();
  const rows = await db
    .selectFrom('campaign_deployments')
    .select(['campaign_id', 'state'])
    .where('campaign_id', 'in', [...campaignIds])
    .execute();
  const out = new Map<string, UpgradeState[]>();
  for (const r of rows) out.set(r.campaign_id, [...(out.get(r.campaign_id) ?? []), r.state]);
  return out;
}

/** The campaigns with windows, progress and owners (one read of members for the whole page). */
async function toSummaries(db: Kysely<Database>, rows: CampaignRow[]): Promise<CampaignSummary[]> {
  const ids = rows.map((r) => r.id);
  const [windows, states, owners] = [
    await windowsOf(db, ids),
    await statesOf(db, ids),
    await memberRefs(
      db,
      rows.map((r) => r.owner_id),
    ),
  ];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    product: r.product,
    targetVersion: r.target_version,
    status: r.status,
    description: r.description,
    owner: r.owner_id ? { id: r.owner_id, name: owners.get(r.owner_id)?.name ?? '' } : null,
    filters: JSON.parse(r.filters) as Record<string, unknown>,
    windows: windows.get(r.id) ?? [],
    progress: progressOf(states.get(r.id) ?? []),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** Campaigns, newest first, paged. */
export async function listCampaigns(
  db: Kysely<Database>,
  q: { status?: CampaignRow['status'] | undefined; product?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<CampaignSummary>> {
  let query = db.selectFrom('upgrade_campaigns').selectAll();
  if (q.status) query = query.where('upgrade_campaigns.status', '=', q.status);
  if (q.product) query = query.where('upgrade_campaigns.product', '=', q.product);
  if (q.cursor)
    query = query.where(keysetAfter('upgrade_campaigns.created_at', 'upgrade_campaigns.id', decodeCursor(q.cursor, 'timestamp'), 'desc'));
  const rows = await query
    .orderBy('upgrade_campaigns.created_at', 'desc')
    .orderBy('upgrade_campaigns.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = toPage(rows, q.limit, (r) => encodeCursor(r.created_at, r.id));
  return { items: await toSummaries(db, page.items), nextCursor: page.nextCursor };
}

export async function getCampaign(db: Kysely<Database>, id: string): Promise<Campaign> {
  const [summary] = await toSummaries(db, [await findCampaignRow(db, id)]);
  const entries = await db.selectFrom('campaign_deployments').selectAll().where('campaign_id', '=', id).orderBy('added_at').execute();
  const events = await db
    .selectFrom('campaign_deployment_events')
    .selectAll()
    .where('campaign_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  // Who changed each entry and who made each move: one read of members for the whole board.
  const members = await memberRefs(db, [...entries.map((e) => e.updated_by), ...events.map((ev) => ev.actor_id)]);
  const nameOf = (memberId: string) => members.get(memberId)?.name ?? '';
  const environments = await environmentSummaries(
    db,
    entries.map((e) => e.deployment_id),
  );
  const tickets = new Map<string, NonNullable<CampaignEntry['ticket']>>();
  for (const ticketId of new Set(entries.map((e) => e.ticket_id).filter((t): t is string => !!t))) {
    const t = await getTicket(db, ticketId).catch(() => null);
    if (t) tickets.set(ticketId, { id: t.id, number: t.number, subject: t.subject, status: t.status });
  }
  const list: CampaignEntry[] = entries
    .filter((e) => environments.has(e.deployment_id))
    .map((e) => ({
      environment: environments.get(e.deployment_id)!,
      state: e.state,
      fromVersion: e.from_version,
      note: e.note,
      ticket: e.ticket_id ? (tickets.get(e.ticket_id) ?? null) : null,
      updatedBy: e.updated_by ? { id: e.updated_by, name: nameOf(e.updated_by) } : null,
      updatedAt: e.updated_at,
      history: events
        .filter((ev) => ev.deployment_id === e.deployment_id)
        .map((ev) => ({
          fromState: ev.from_state,
          toState: ev.to_state,
          note: ev.note,
          ticketId: ev.ticket_id,
          actor: ev.actor_id ? { id: ev.actor_id, name: nameOf(ev.actor_id) } : null,
          at: ev.at,
        })),
    }));
  list.sort(
    (a, b) => a.environment.account.name.localeCompare(b.environment.account.name) || a.environment.name.localeCompare(b.environment.name),
  );
  return { ...summary!, entries: list };
}
