import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { contactRefs } from '../../accounts/index.js';
import { enqueueEmail } from '../../platform/index.js';
import { memberRefs, type MemberRef } from '../../team/index.js';
import { engagementTime, getEngagement } from '../engagements/service.js';
import { dayOf } from '../engagements/plan.js';
import { contactsOfAccount, engagementRef } from './references.js';
import type {
  GenerateReportInput,
  ReportFigures,
  ReportSections,
  StatusReport,
  StatusReportSummary,
  UpdateReportInput,
} from '../contract/records.js';
import { byText } from '../text-order.js';
import { composeStatusReport } from './status-report-draft.js';
import { composeReportMail } from './status-report-mail.js';
import type { StatusReportsTable } from './tables.js';

type Row = Selectable<StatusReportsTable> & { recipient_count: number | string | null };

function rows(db: Kysely<Database>) {
  return db
    .selectFrom('status_reports')
    .selectAll('status_reports')
    .select((eb) =>
      eb
        .selectFrom('status_report_recipients')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('status_report_recipients.report_id', '=', 'status_reports.id')
        .as('recipient_count'),
    );
}

/** The reports, their authors named through one read of members for the whole list. */
async function toSummaries(db: Kysely<Database>, found: Row[]): Promise<StatusReportSummary[]> {
  const creators = await memberRefs(
    db,
    found.map((r) => r.created_by),
  );
  return found.map((r) => toSummary(r, creators));
}

function toSummary(r: Row, creators: Map<string, MemberRef>): StatusReportSummary {
  const creatorName = r.created_by ? creators.get(r.created_by)?.name : undefined;
  return {
    id: r.id,
    engagementId: r.engagement_id,
    title: r.title,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    overallStatus: r.overall_status,
    suggestedStatus: r.suggested_status,
    status: r.status,
    createdBy: r.created_by && creatorName ? { id: r.created_by, name: creatorName } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
    recipientCount: Number(r.recipient_count ?? 0),
  };
}

/** An engagement's reports, newest first (an engagement has a few dozen at most, so no paging). */
export async function listStatusReports(db: Kysely<Database>, engagementId: string): Promise<StatusReportSummary[]> {
  await engagementRef(db, engagementId);
  const found = await rows(db)
    .where('status_reports.engagement_id', '=', engagementId)
    .orderBy('status_reports.created_at', 'desc')
    .orderBy('status_reports.id', 'desc')
    .execute();
  return toSummaries(db, found);
}

export async function getStatusReport(db: Kysely<Database>, id: string): Promise<StatusReport> {
  const row = await rows(db).where('status_reports.id', '=', id).executeTakeFirst();
  if (!row) throw errors.statusReportNotFound();
  const sent = await db
    .selectFrom('status_report_recipients')
    .select(['contact_id', 'email', 'sent_at', 'sent_by'])
    .where('report_id', '=', id)
    .execute();
  const [contacts, members] = await Promise.all([
    contactRefs(
      db,
      sent.map((r) => r.contact_id),
    ),
    memberRefs(db, [row.created_by, ...sent.map((r) => r.sent_by)]),
  ]);
  // Who got it when, then by name; a recipient whose contact is gone is left out.
  const recipients = sent
    .filter((r) => contacts.has(r.contact_id))
    .map((r) => ({
      ...r,
      contact_name: contacts.get(r.contact_id)!.name,
      sender_name: r.sent_by ? members.get(r.sent_by)?.name : undefined,
    }))
    .sort((a, b) => byText(a.sent_at, b.sent_at) || byText(a.contact_name, b.contact_name));
  return {
    ...toSummary(row, members),
    sections: JSON.parse(row.sections) as ReportSections,
    figures: JSON.parse(row.figures) as ReportFigures,
    recipients: recipients.map((r) => ({
      contact: { id: r.contact_id, name: r.contact_name },
      email: r.email,
      sentAt: r.sent_at,
      sentBy: r.sent_by && r.sender_name ? { id: r.sent_by, name: r.sender_name } : null,
    })),
  };
}

/**
 * Generates a draft from the engagement's data for the period: what was done, what comes next,
 * risks, decisions the customer owes, hours and milestones. The engineer edits it before sending.
 */
export async function generateStatusReport(
  db: Kysely<Database>,
  ctx: ChangeContext,
  engagementId: string,
  input: GenerateReportInput,
  now = new Date(),
): Promise<StatusReport> {
  const engagement = await getEngagement(db, engagementId, now);
  const time = await engagementTime(db, engagementId);
  let inPeriod = 0;
  let toDate = 0;
  for (const entry of time.items) {
    const day = dayOf(entry.startedAt);
    if (day <= input.periodEnd) toDate += entry.minutes;
    if (day >= input.periodStart && day <= input.periodEnd) inPeriod += entry.minutes;
  }
  const draft = composeStatusReport({
    engagement,
    tasks: engagement.tasks.map((t) => ({ ...t, owner: t.owner })),
    loggedMinutesInPeriod: inPeriod,
    loggedMinutesToDate: toDate,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    today: dayOf(now),
  });
  const id = newId();
  const at = now.toISOString();
  const title = input.title ?? draft.title;
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('status_reports')
      .values({
        id,
        engagement_id: engagementId,
        title,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        overall_status: draft.overallStatus,
        suggested_status: draft.overallStatus,
        sections: JSON.stringify(draft.sections),
        figures: JSON.stringify(draft.figures),
        status: 'draft',
        created_by: ctx.memberId,
        created_at: at,
        updated_at: at,
        sent_at: null,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'status_report.generated',
      recordType: 'status_report',
      recordId: id,
      changes: diff(null, {
        engagementId,
        title,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        overallStatus: draft.overallStatus,
      }),
    });
  });
  return getStatusReport(db, id);
}

/** Edits a draft's title, overall status or sections; a sent report is kept as it was sent. */
export async function updateStatusReport(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateReportInput,
  now = new Date(),
): Promise<StatusReport> {
  const before = await getStatusReport(db, id);
  if (before.status === 'sent') throw errors.statusReportSent();
  const sections: ReportSections = { ...before.sections };
  for (const [key, value] of Object.entries(input.sections ?? {})) if (value !== undefined) sections[key as keyof ReportSections] = value;
  const after = { title: input.title ?? before.title, overallStatus: input.overallStatus ?? before.overallStatus, sections };
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('status_reports')
      .set({ title: after.title, overall_status: after.overallStatus, sections: JSON.stringify(sections), updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'status_report.updated',
      recordType: 'status_report',
      recordId: id,
      changes: diff(
        { title: before.title, overallStatus: before.overallStatus, ...before.sections },
        { title: after.title, overallStatus: after.overallStatus, ...sections },
      ),
    });
  });
  return getStatusReport(db, id);
}

/**
 * E-mails the report to contacts of the engagement's account, one mail each through the outbox,
 * and records who got it when. A sent report can be sent again to more contacts.
 */
export async function sendStatusReport(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  contactIds: readonly string[],
  now = new Date(),
): Promise<StatusReport> {
  const report = await getStatusReport(db, id);
  const engagement = await engagementRef(db, report.engagementId);
  const recipients = await contactsOfAccount(db, contactIds, engagement.accountId, 'contactIds', errors.recipientNotOnAccount);
  const sender = ctx.memberId ? (await memberRefs(db, [ctx.memberId])).get(ctx.memberId) : undefined;
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    for (const contact of recipients) {
      const mail = composeReportMail({
        title: report.title,
        engagementName: engagement.name,
        periodStart: report.periodStart,
        periodEnd: report.periodEnd,
        overallStatus: report.overallStatus,
        sections: report.sections,
        recipientName: contact.name,
        senderName: sender?.name ?? null,
      });
      const outboxId = await enqueueEmail(
        trx,
        { to: [contact.email], subject: mail.subject, text: mail.text, html: mail.html, headers: { 'X-Outpost-Status-Report': id } },
        now,
      );
      await trx
        .insertInto('status_report_recipients')
        .values({
          id: newId(),
          report_id: id,
          contact_id: contact.id,
          email: contact.email,
          outbox_email_id: outboxId,
          sent_by: ctx.memberId,
          sent_at: at,
        })
        .execute();
    }
    await trx
      .updateTable('status_reports')
      .set({ status: 'sent', sent_at: report.sentAt ?? at, updated_at: at })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'status_report.sent',
      recordType: 'status_report',
      recordId: id,
      changes: diff(
        { status: report.status, recipients: null },
        { status: 'sent', recipients: recipients.map((c) => ({ contactId: c.id, email: c.email })) },
      ),
    });
  });
  return getStatusReport(db, id);
}

/** Deletes a draft nobody needs; a sent report is kept. */
export async function deleteStatusReport(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const report = await getStatusReport(db, id);
  if (report.status === 'sent') throw errors.statusReportSent();
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('status_reports').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'status_report.deleted',
      recordType: 'status_report',
      recordId: id,
      changes: diff(
        { engagementId: report.engagementId, title: report.title, periodStart: report.periodStart, periodEnd: report.periodEnd },
        null,
      ),
    });
  });
}
