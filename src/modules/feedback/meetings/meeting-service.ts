import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { memberRefs } from '../../team/index.js';
import type { CreateMeetingInput, Meeting, MeetingListQuery, UpdateMeetingInput } from '../contract/meetings.js';
import { createMeetingBody } from '../contract/meetings.js';
import { requestFamily, survivingRequest } from '../loop/request-family.js';
import type { InternalMeetingsTable } from '../tables.js';

export const LINK_TYPES = { featureRequest: 'feature_request', engineeringIssue: 'engineering_issue' } as const;

type MeetingRow = Selectable<InternalMeetingsTable>;
interface Links {
  attendeeIds: string[];
  featureRequestIds: string[];
  engineeringIssueIds: string[];
}

/** Meetings with their attendees and linked records: one read per kind of record for the whole list. */
async function hydrate(db: Kysely<Database>, rows: MeetingRow[]): Promise<Meeting[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const attendees = await db.selectFrom('internal_meeting_attendees').selectAll().where('meeting_id', 'in', ids).execute();
  const links = await db.selectFrom('internal_meeting_links').selectAll().where('meeting_id', 'in', ids).execute();
  const requestIds = links.filter((l) => l.target_type === LINK_TYPES.featureRequest).map((l) => l.target_id);
  const issueIds = links.filter((l) => l.target_type === LINK_TYPES.engineeringIssue).map((l) => l.target_id);
  const requests = requestIds.length
    ? await db.selectFrom('feature_requests').select(['id', 'title', 'status']).where('id', 'in', requestIds).execute()
    : [];
  const issues = issueIds.length
    ? await db.selectFrom('engineering_issues').select(['id', 'key', 'title', 'status']).where('id', 'in', issueIds).execute()
    : [];
  const members = await memberRefs(db, [...attendees.map((a) => a.member_id), ...rows.map((r) => r.created_by)]);
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const issueById = new Map(issues.map((i) => [i.id, i]));
  const named = (id: string) => ({ id, name: members.get(id)?.name ?? 'Former member' });
  return rows.map((r) => {
    const mine = links.filter((l) => l.meeting_id === r.id);
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      heldAt: r.held_at,
      notes: r.notes,
      attendees: attendees
        .filter((a) => a.meeting_id === r.id)
        .map((a) => named(a.member_id))
        .sort((a, b) => a.name.localeCompare(b.name)),
      featureRequests: mine.flatMap((l) => {
        const req = l.target_type === LINK_TYPES.featureRequest ? requestById.get(l.target_id) : undefined;
        return req ? [{ id: req.id, title: req.title, status: req.status }] : [];
      }),
      engineeringIssues: mine.flatMap((l) => {
        const issue = l.target_type === LINK_TYPES.engineeringIssue ? issueById.get(l.target_id) : undefined;
        return issue ? [{ id: issue.id, key: issue.key, title: issue.title, status: issue.status }] : [];
      }),
      createdBy: r.created_by ? named(r.created_by) : null,
      createdAt: r.created_at,
    };
  });
}

export async function getMeeting(db: Kysely<Database>, id: string): Promise<Meeting> {
  const row = await db.selectFrom('internal_meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.meetingNotFound();
  return (await hydrate(db, [row]))[0]!;
}

/** Meetings, most recent first, keyset-paged on (held_at, id). */
export async function listMeetings(db: Kysely<Database>, query: MeetingListQuery): Promise<Page<Meeting>> {
  let q = db.selectFrom('internal_meetings').selectAll();
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.cursor) q = q.where(keysetAfter('held_at', 'id', decodeCursor(query.cursor, 'timestamp'), 'desc'));
  const rows = await q
    .orderBy('held_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = toPage(rows, query.limit, (r) => encodeCursor(r.held_at, r.id));
  return { items: await hydrate(db, page.items), nextCursor: page.nextCursor };
}

/** The meetings that discussed a request or any request merged into it, most recent first. */
export async function meetingsOfRequest(db: Kysely<Database>, requestId: string): Promise<Meeting[]> {
  const root = await survivingRequest(db, requestId);
  const family = await requestFamily(db, root.id);
  const rows = await db
    .selectFrom('internal_meetings')
    .selectAll('internal_meetings')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('internal_meeting_links')
          .select('internal_meeting_links.meeting_id')
          .whereRef('internal_meeting_links.meeting_id', '=', 'internal_meetings.id')
          .where('internal_meeting_links.target_type', '=', LINK_TYPES.featureRequest)
          .where('internal_meeting_links.target_id', 'in', family),
      ),
    )
    .orderBy('held_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return hydrate(db, rows);
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** Refuses attendees who are not members and links to records that do not exist, before anything is written. */
async function checkLinks(db: Kysely<Database>, links: Partial<Links>): Promise<void> {
  if (links.attendeeIds?.length) {
    const found = await memberRefs(db, links.attendeeIds);
    if (links.attendeeIds.some((id) => !found.has(id))) throw errors.meetingAttendeeUnknown();
  }
  if (links.featureRequestIds?.length) {
    const found = await db.selectFrom('feature_requests').select('id').where('id', 'in', links.featureRequestIds).execute();
    if (found.length !== links.featureRequestIds.length) throw errors.meetingLinkUnknown('featureRequestIds');
  }
  if (links.engineeringIssueIds?.length) {
    const found = await db.selectFrom('engineering_issues').select('id').where('id', 'in', links.engineeringIssueIds).execute();
    if (found.length !== links.engineeringIssueIds.length) throw errors.meetingLinkUnknown('engineeringIssueIds');
  }
}

async function writeLinks(db: Kysely<Database>, meetingId: string, links: Partial<Links>): Promise<void> {
  if (links.attendeeIds) {
    await db.deleteFrom('internal_meeting_attendees').where('meeting_id', '=', meetingId).execute();
    if (links.attendeeIds.length) {
      await db
        .insertInto('internal_meeting_attendees')
        .values(links.attendeeIds.map((member_id) => ({ meeting_id: meetingId, member_id })))
        .execute();
    }
  }
  for (const [field, type] of [
    ['featureRequestIds', LINK_TYPES.featureRequest],
    ['engineeringIssueIds', LINK_TYPES.engineeringIssue],
  ] as const) {
    const targets = links[field];
    if (!targets) continue;
    await db.deleteFrom('internal_meeting_links').where('meeting_id', '=', meetingId).where('target_type', '=', type).execute();
    if (targets.length) {
      await db
        .insertInto('internal_meeting_links')
        .values(targets.map((target_id) => ({ meeting_id: meetingId, target_type: type, target_id })))
        .execute();
    }
  }
}

function linksOf(input: Partial<Record<keyof Links, readonly string[] | undefined>>): Partial<Links> {
  const out: Partial<Links> = {};
  for (const key of ['attendeeIds', 'featureRequestIds', 'engineeringIssueIds'] as const) {
    const value = input[key];
    if (value) out[key] = unique(value);
  }
  return out;
}

/** Records a meeting with its attendees and links, audited as the member's act. */
export async function createMeeting(db: Kysely<Database>, ctx: ChangeContext, raw: CreateMeetingInput, now = new Date()): Promise<Meeting> {
  const input = createMeetingBody.parse(raw);
  const links = linksOf(input);
  await checkLinks(db, links);
  const id = newId();
  const row = {
    id,
    kind: input.kind,
    title: input.title,
    held_at: new Date(input.heldAt).toISOString(),
    notes: input.notes,
    created_by: ctx.memberId,
    created_at: now.toISOString(),
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('internal_meetings').values(row).execute();
    await writeLinks(trx, id, links);
    await recordAudit(trx, ctx, {
      action: 'internal_meeting.created',
      recordType: 'internal_meeting',
      recordId: id,
      changes: diff(null, { kind: row.kind, title: row.title, heldAt: row.held_at, ...links }),
    });
  });
  return getMeeting(db, id);
}

/** Changes a meeting; a list that is sent replaces the one kept. */
export async function updateMeeting(db: Kysely<Database>, ctx: ChangeContext, id: string, input: UpdateMeetingInput): Promise<Meeting> {
  const before = await getMeeting(db, id);
  const links = linksOf(input);
  await checkLinks(db, links);
  const fields = {
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.heldAt !== undefined ? { held_at: new Date(input.heldAt).toISOString() } : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
  };
  await inTransaction(db, async (trx) => {
    if (Object.keys(fields).length) await trx.updateTable('internal_meetings').set(fields).where('id', '=', id).execute();
    await writeLinks(trx, id, links);
    const was = {
      kind: before.kind,
      title: before.title,
      heldAt: before.heldAt,
      notes: before.notes,
      attendeeIds: before.attendees.map((a) => a.id),
      featureRequestIds: before.featureRequests.map((r) => r.id),
      engineeringIssueIds: before.engineeringIssues.map((i) => i.id),
    };
    const now = { ...was, ...input, ...(fields.held_at ? { heldAt: fields.held_at } : {}), ...links };
    await recordAudit(trx, ctx, {
      action: 'internal_meeting.updated',
      recordType: 'internal_meeting',
      recordId: id,
      changes: diff(was, now),
    });
  });
  return getMeeting(db, id);
}
