import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ChangeContext } from '../../kernel/actor.js';
import type { EngagementKind } from '../../modules/delivery/index.js';
import { addCriterion, updateCriterion } from '../../modules/delivery/index.js';
import { generateStatusReport, sendStatusReport, updateStatusReport } from '../../modules/delivery/index.js';
import { recordTrainingFeedback, scheduleTrainingSession, updateTrainingSession } from '../../modules/delivery/index.js';
import { planFieldVisit, updateFieldVisit } from '../../modules/delivery/index.js';

const DAY = 86_400_000;

interface DemoEngagement {
  id: string;
  name: string;
  accountId: string;
  leadId: string | null;
}

/**
 * Demo status reports (a sent one and drafts), success criteria on the PoC, training sessions
 * (delivered with feedback, scheduled) and field visits (completed with a report, planned), on the
 * engagements the engagement seed made — all through the services, dates relative to `now`.
 */
export async function seedDemoDeliveryRecords(db: Kysely<Database>, now: Date): Promise<void> {
  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
  const at = (offset: number, hour: number) => new Date(`${day(offset)}T${String(hour).padStart(2, '0')}:00:00.000Z`);
  const ctxOf = (memberId: string | null): ChangeContext => ({
    actorType: memberId ? 'member' : 'system',
    actorId: memberId,
    memberId,
    ip: null,
  });

  /** The engagement of this kind (and status) whose name starts with `prefix`, or the first of its kind. */
  const find = async (kind: EngagementKind, prefix: string, statuses: string[] = ['active', 'at_risk']): Promise<DemoEngagement | null> => {
    const rows = await db
      .selectFrom('engagements')
      .select(['id', 'name', 'account_id', 'lead_id', 'status'])
      .where('kind', '=', kind)
      .where('status', 'in', statuses as ('active' | 'at_risk' | 'done')[])
      .orderBy('start_date')
      .orderBy('id')
      .execute();
    const row = rows.find((r) => r.name.startsWith(prefix)) ?? rows[0];
    return row ? { id: row.id, name: row.name, accountId: row.account_id, leadId: row.lead_id } : null;
  };
  const contactsOf = async (accountId: string) =>
    (
      await db
        .selectFrom('contacts')
        .select(['id', 'name', 'customer_role'])
        .where('account_id', '=', accountId)
        .orderBy('name')
        .orderBy('id')
        .execute()
    ).map((c) => ({
      id: c.id,
      name: c.name,
      role: c.customer_role,
    }));
  const memberWithRole = async (role: string) =>
    (
      await db
        .selectFrom('member_roles')
        .innerJoin('members', 'members.id', 'member_roles.member_id')
        .select('members.id')
        .where('member_roles.role', '=', role)
        .orderBy('members.name')
        .executeTakeFirst()
    )?.id ?? null;

  const rollout = await find('implementation', 'Northwind');
  const slipping = await find('implementation', 'Helios', ['at_risk', 'active']);
  const poc = await find('proof_of_concept', 'Kestrel');
  const finished = await find('implementation', 'Bluefin', ['done']);
  const onsite = await find('field_visit', 'Pinecrest');
  const trainer = (await memberWithRole('customer_success')) ?? rollout?.leadId ?? null;
  const fieldEngineer = (await memberWithRole('field')) ?? onsite?.leadId ?? null;

  // ---------------------------------------------------------------- status reports
  if (rollout) {
    const ctx = ctxOf(rollout.leadId);
    const contacts = await contactsOf(rollout.accountId);
    const earlier = await generateStatusReport(db, ctx, rollout.id, { periodStart: day(-27), periodEnd: day(-14) }, at(-13, 9));
    await updateStatusReport(
      db,
      ctx,
      earlier.id,
      {
        sections: {
          decisions: `${earlier.sections.decisions.startsWith('_') ? '' : `${earlier.sections.decisions}\n`}- Confirm the go-live window with the operations team (proposed: a Saturday morning).`,
        },
      },
      at(-13, 10),
    );
    const recipients = contacts.filter((c) => c.role === 'decision_maker' || c.role === 'champion').slice(0, 2);
    if (recipients.length)
      await sendStatusReport(
        db,
        ctx,
        earlier.id,
        recipients.map((c) => c.id),
        at(-13, 11),
      );
    await generateStatusReport(db, ctx, rollout.id, { periodStart: day(-13), periodEnd: day(0) }, now);
  }
  if (slipping) await generateStatusReport(db, ctxOf(slipping.leadId), slipping.id, { periodStart: day(-13), periodEnd: day(0) }, now);

  // ---------------------------------------------------------------- proof-of-concept criteria
  if (poc) {
    const ctx = ctxOf(poc.leadId);
    const [champion] = await contactsOf(poc.accountId);
    const criteria: {
      statement: string;
      owner: { type: 'member' | 'contact'; id: string } | null;
      status?: 'pass' | 'fail';
      evidence?: string;
      evidenceUrl?: string;
    }[] = [
      {
        statement: 'Ingest 12 months of maintenance logs from the MRO system without manual clean-up',
        owner: poc.leadId ? { type: 'member', id: poc.leadId } : null,
        status: 'pass',
        evidence: '1.8 M records loaded in 41 minutes; 0.2 % rejected, all with a reason.',
        evidenceUrl: 'https://wiki.example.com/kestrel-poc/ingest-run-3',
      },
      {
        statement: 'Predict component removals 30 days ahead with at least 70 % precision on the hold-out fleet',
        owner: poc.leadId ? { type: 'member', id: poc.leadId } : null,
      },
      {
        statement: 'Planners sign in with their corporate SSO (Azure AD)',
        owner: champion ? { type: 'contact', id: champion.id } : null,
        status: 'pass',
        evidence: 'Four planners signed in on day 2; group-to-role mapping confirmed.',
      },
      {
        statement: 'Dashboards load in under 3 seconds for a 40-aircraft fleet',
        owner: champion ? { type: 'contact', id: champion.id } : null,
      },
    ];
    for (const c of criteria) {
      const created = await addCriterion(db, ctx, poc.id, { statement: c.statement, owner: c.owner });
      if (c.status)
        await updateCriterion(db, ctx, created.id, { status: c.status, evidence: c.evidence ?? null, evidenceUrl: c.evidenceUrl ?? null });
    }
  }

  // ---------------------------------------------------------------- training sessions
  const training = async (
    engagement: DemoEngagement,
    spec: {
      topic: string;
      audience: 'end_users' | 'it_admins';
      dayOffset: number;
      minutes: number;
      attendees: number;
      feedback?: [number, string | null][];
      materials: { title: string; url: string }[];
    },
  ) => {
    const ctx = ctxOf(trainer ?? engagement.leadId);
    const contacts = await contactsOf(engagement.accountId);
    const attendees = (
      spec.audience === 'it_admins'
        ? [...contacts.filter((c) => c.role === 'it_admin'), ...contacts]
        : [...contacts.filter((c) => c.role === 'end_user'), ...contacts]
    )
      .filter((c, i, all) => all.findIndex((o) => o.id === c.id) === i)
      .slice(0, spec.attendees);
    const scheduledAt = at(spec.dayOffset, 9).toISOString();
    const session = await scheduleTrainingSession(db, ctx, engagement.accountId, {
      topic: spec.topic,
      audience: spec.audience,
      scheduledAt,
      durationMinutes: spec.minutes,
      trainerId: trainer ?? engagement.leadId,
      engagementId: engagement.id,
      contactIds: attendees.map((c) => c.id),
      materials: spec.materials,
      notes: null,
    });
    if (spec.dayOffset >= 0) return;
    await updateTrainingSession(
      db,
      ctx,
      session.id,
      { status: 'delivered', notes: 'Recording and slides shared with the attendees afterwards.' },
      at(spec.dayOffset, 12),
    );
    for (const [index, [rating, comment]] of (spec.feedback ?? []).entries()) {
      const attendee = attendees[index];
      if (attendee) await recordTrainingFeedback(db, ctx, session.id, attendee.id, { rating, comment }, at(spec.dayOffset + 1, 10));
    }
  };
  if (rollout) {
    await training(rollout, {
      topic: 'Admin console essentials: users, roles and SSO',
      audience: 'it_admins',
      dayOffset: -9,
      minutes: 120,
      attendees: 2,
      feedback: [
        [5, 'Exactly the depth we needed; the SSO troubleshooting part was gold.'],
        [4, 'Good pace. More on audit exports next time.'],
      ],
      materials: [
        { title: 'Admin guide', url: 'https://docs.example.com/beacon/admin' },
        { title: 'Session recording', url: 'https://videos.example.com/northwind-admin-101' },
      ],
    });
    await training(rollout, {
      topic: 'Dispatcher workflows for end users',
      audience: 'end_users',
      dayOffset: 5,
      minutes: 90,
      attendees: 3,
      materials: [{ title: 'Quick-start card', url: 'https://docs.example.com/beacon/quick-start' }],
    });
  }
  if (finished) {
    await training(finished, {
      topic: 'Reporting and dashboards for analysts',
      audience: 'end_users',
      dayOffset: -95,
      minutes: 90,
      attendees: 3,
      feedback: [
        [4, 'Useful; wanted more time on custom filters.'],
        [5, null],
        [3, 'Too fast for first-time users.'],
      ],
      materials: [{ title: 'Reporting guide', url: 'https://docs.example.com/beacon/reporting' }],
    });
  }

  // ---------------------------------------------------------------- field visits
  if (onsite) {
    const ctx = ctxOf(fieldEngineer ?? onsite.leadId);
    const survey = await planFieldVisit(db, ctx, onsite.accountId, {
      visitDate: day(-2),
      siteAddress: 'Pinecrest University, Data Centre B, 400 College Ave',
      purpose: 'Site survey for the edge connector install',
      engineerId: fieldEngineer ?? onsite.leadId,
      engagementId: onsite.id,
      checklist: [
        { label: 'Visitor badge and escort arranged', done: false },
        { label: 'Rack space and power confirmed (2U, 2× C13)', done: false },
        { label: 'Uplink and firewall path to the platform verified', done: false },
      ],
    });
    await updateFieldVisit(
      db,
      ctx,
      survey.id,
      {
        checklist: survey.checklist.map((i) => ({ ...i, done: true })),
        report:
          '## What we did\n- Walked the route from loading dock to Data Centre B with facilities\n- Confirmed rack R14 U20–21 and two C13 outlets on separate PDUs\n\n## Findings\n- Outbound 443 to the platform is open; NTP is blocked (ticket raised with campus IT)\n\n## Follow-ups\n- Campus IT to open NTP before the install visit',
        status: 'completed',
      },
      at(-2, 16),
    );
    await planFieldVisit(db, ctx, onsite.accountId, {
      visitDate: day(4),
      siteAddress: 'Pinecrest University, Data Centre B, 400 College Ave',
      purpose: 'Install and commission the edge connector',
      engineerId: fieldEngineer ?? onsite.leadId,
      engagementId: onsite.id,
      checklist: [
        { label: 'Appliance shipped and received by facilities', done: true },
        { label: 'NTP opened by campus IT', done: false },
        { label: 'Appliance racked and powered', done: false },
        { label: 'Connector registered and first sync verified', done: false },
      ],
    });
  }
  if (rollout) {
    const ctx = ctxOf(fieldEngineer ?? rollout.leadId);
    const workshop = await planFieldVisit(db, ctx, rollout.accountId, {
      visitDate: day(-20),
      siteAddress: 'Northwind Logistics HQ, 12 Harbour Road',
      purpose: 'On-site discovery workshop with dispatch and IT',
      engineerId: fieldEngineer ?? rollout.leadId,
      engagementId: rollout.id,
      checklist: [
        { label: 'Agenda sent to attendees', done: true },
        { label: 'Current dispatch process mapped', done: true },
      ],
    });
    await updateFieldVisit(
      db,
      ctx,
      workshop.id,
      {
        report:
          '## Outcomes\n- Dispatch runs on three spreadsheets and a shared inbox\n- IT wants SSO and audit exports before any pilot\n\n## Next\n- Solution design draft in two weeks',
        status: 'completed',
      },
      at(-20, 17),
    );
  }
}
