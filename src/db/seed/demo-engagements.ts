import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ChangeContext } from '../../kernel/actor.js';
import { findMemberRowByEmail } from '../../modules/team/index.js';
import { addCalendarDays, addWorkingDays, dayOf, isWorkingDay, workingDaysBetween } from '../../modules/delivery/index.js';
import type { Engagement } from '../../modules/delivery/contract/engagements.js';
import { DEMO_TEMPLATES } from './demo-engagement-templates.js';
import {
  addComment,
  createEngagement,
  createTask,
  goLiveTaskOf,
  logTaskTime,
  updateEngagement,
  updateTask,
} from '../../modules/delivery/index.js';
import { createTemplate } from '../../modules/delivery/index.js';
import type { EngagementKind, EngagementStatus } from '../../modules/delivery/index.js';
import { SeededRandom } from './random.js';

export { DEMO_TEMPLATES };

type Mode = 'on_track' | 'slipped' | 'done' | 'planned';

interface DemoEngagement {
  account: string;
  template: string | null;
  kind: EngagementKind;
  name: string;
  lead: string;
  members: string[];
  /** Calendar days from today to the start (negative: in the past). */
  start: number;
  mode: Mode;
  status: EngagementStatus;
  budgetHours: number;
  /** Calendar days the contract started before the engagement. */
  contractLead?: number;
  /** Days after the planned go-live the customer actually went live (done engagements). */
  goLiveLate?: number;
  /** How many hours of work a day of a task takes, on average (drives the burn). */
  intensity?: number;
}

const TOMAS = 'tomas.herrera@outpost.local';
const GRACE = 'grace.okafor@outpost.local';
const SOFIA = 'sofia.rossi@outpost.local';
const CHLOE = 'chloe.martin@outpost.local';
const NORA = 'nora.lindqvist@outpost.local';
const DANIEL = 'daniel.kim@outpost.local';
const LIAM = 'liam.oconnor@outpost.local';
const YUKI = 'yuki.tanaka@outpost.local';
const HANNAH = 'hannah.mueller@outpost.local';

const ENGAGEMENTS: DemoEngagement[] = [
  {
    account: 'Northwind Logistics',
    template: 'Standard implementation',
    kind: 'implementation',
    name: 'Northwind — Beacon rollout',
    lead: TOMAS,
    members: [SOFIA, CHLOE, HANNAH],
    start: -28,
    mode: 'on_track',
    status: 'active',
    budgetHours: 220,
    contractLead: 21,
  },
  {
    account: 'Helios Energy',
    template: 'Standard implementation',
    kind: 'implementation',
    name: 'Helios — platform implementation',
    lead: TOMAS,
    members: [SOFIA, NORA],
    start: -45,
    mode: 'slipped',
    status: 'at_risk',
    budgetHours: 160,
    contractLead: 30,
    intensity: 1.4,
  },
  {
    account: 'Bluefin Capital',
    template: 'Standard implementation',
    kind: 'implementation',
    name: 'Bluefin — implementation',
    lead: TOMAS,
    members: [SOFIA, CHLOE, HANNAH],
    start: -150,
    mode: 'done',
    status: 'done',
    budgetHours: 200,
    contractLead: 35,
    goLiveLate: 4,
  },
  {
    account: 'Summit Insurance',
    template: 'Standard implementation',
    kind: 'implementation',
    name: 'Summit — claims platform go-live',
    lead: TOMAS,
    members: [SOFIA, NORA],
    start: -210,
    mode: 'done',
    status: 'done',
    budgetHours: 180,
    contractLead: 20,
    goLiveLate: 0,
  },
  {
    account: 'Cedar Health Partners',
    template: 'Onboarding (SMB)',
    kind: 'onboarding',
    name: 'Cedar Health — onboarding',
    lead: CHLOE,
    members: [],
    start: -60,
    mode: 'done',
    status: 'done',
    budgetHours: 24,
    contractLead: 14,
    goLiveLate: 2,
  },
  {
    account: 'Quantum Freight',
    template: 'Onboarding (SMB)',
    kind: 'onboarding',
    name: 'Quantum Freight — onboarding',
    lead: CHLOE,
    members: [],
    start: -6,
    mode: 'on_track',
    status: 'active',
    budgetHours: 24,
    contractLead: 10,
  },
  {
    account: 'Kestrel Aerospace',
    template: 'Proof of concept (2 weeks)',
    kind: 'proof_of_concept',
    name: 'Kestrel — maintenance analytics PoC',
    lead: DANIEL,
    members: [SOFIA],
    start: -5,
    mode: 'on_track',
    status: 'active',
    budgetHours: 40,
  },
  {
    account: 'Maple Street Bank',
    template: 'Professional services — custom integration',
    kind: 'professional_services',
    name: 'Maple Street — core banking connector',
    lead: GRACE,
    members: [],
    start: -24,
    mode: 'on_track',
    status: 'active',
    budgetHours: 60,
    // Over budget on any day of the year: at 2.2 it logged 52 h in early December (US holidays in its window).
    intensity: 3,
  },
  {
    account: 'Orbital Retail Group',
    template: 'Standard implementation',
    kind: 'implementation',
    name: 'Orbital Retail — store operations rollout',
    lead: TOMAS,
    members: [SOFIA, CHLOE],
    start: 12,
    mode: 'planned',
    status: 'planned',
    budgetHours: 240,
    contractLead: 20,
  },
  {
    account: 'Pinecrest University',
    template: 'Field visit',
    kind: 'field_visit',
    name: 'Pinecrest — on-site edge connector install',
    lead: LIAM,
    members: [],
    start: -3,
    mode: 'on_track',
    status: 'active',
    budgetHours: 16,
  },
];

const COMMENTS = [
  'Agenda and attendee list sent; recording will be shared afterwards.',
  'Customer asked to move this by a day because of a change freeze.',
  'Blocked on firewall approval from their security team; chased twice.',
  'Done — notes are in the shared folder.',
  'Waiting on the SSO metadata XML from their IT team.',
];

/**
 * Demo delivery work: five useful templates and ten engagements across the demo accounts in varied
 * states (on track, slipped and at risk, done with an actual go-live for time-to-value, planned, a
 * PoC, a PS engagement over budget), with tasks moved along and time logged by the engineers — all
 * through the services, deterministic, dates relative to `now`.
 */
export async function seedDemoEngagements(db: Kysely<Database>, now: Date): Promise<void> {
  const rnd = new SeededRandom(5012);
  const today = dayOf(now);
  const memberCtx = async (email: string): Promise<ChangeContext> => {
    const row = await findMemberRowByEmail(db, email);
    return { actorType: 'member', actorId: row?.id ?? null, memberId: row?.id ?? null, ip: null };
  };
  const idOf = async (email: string) => (await findMemberRowByEmail(db, email))?.id ?? null;
  const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00.000Z`);

  const curator = await memberCtx(TOMAS);
  const templates = new Map<string, string>();
  for (const input of DEMO_TEMPLATES) {
    const created = await createTemplate(db, curator, input, new Date(now.getTime() - 400 * 86_400_000));
    templates.set(input.name, created.id);
  }

  for (const spec of ENGAGEMENTS) {
    const account = await db.selectFrom('accounts').select('id').where('name', '=', spec.account).executeTakeFirst();
    const leadId = await idOf(spec.lead);
    if (!account || !leadId) continue;
    const ctx = await memberCtx(spec.lead);
    const memberIds = (await Promise.all(spec.members.map(idOf))).filter((m): m is string => !!m);
    const startDate = addWorkingDays(addCalendarDays(today, spec.start), 0);
    const createdAt = new Date(Math.min(now.getTime(), at(addCalendarDays(startDate, -7), 9).getTime()));
    let engagement: Engagement = await createEngagement(
      db,
      ctx,
      {
        accountId: account.id,
        kind: spec.kind,
        name: spec.name,
        description: `${spec.template ?? 'Custom'} engagement for ${spec.account}.`,
        status: spec.status === 'done' || spec.status === 'at_risk' ? 'active' : spec.status,
        leadId,
        memberIds,
        templateId: spec.template ? templates.get(spec.template)! : null,
        startDate,
        contractStartDate: spec.contractLead ? addCalendarDays(startDate, -spec.contractLead) : null,
        budgetHours: spec.budgetHours,
      },
      createdAt,
    );

    // Move the plan along: what was due before the cut-off is done, what started by then is in progress.
    // A slipped engagement stopped finishing work three weeks ago.
    const cutoff = spec.mode === 'slipped' ? addCalendarDays(today, -21) : spec.mode === 'done' ? '9999-12-31' : today;
    const status = new Map(engagement.tasks.map((t) => [t.id, t.status]));
    const ordered = [...engagement.tasks].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.position - b.position);
    const lateBy = spec.goLiveLate ?? 0;
    const goLiveId = (goLiveTaskOf(engagement.tasks) ?? ordered.at(-1))?.id;
    for (const task of ordered) {
      if (spec.mode === 'planned') break;
      const depsDone = task.dependsOn.every((d) => status.get(d) === 'done');
      const owner = task.owner?.type === 'member' ? task.owner.id : leadId;
      const ownerCtx = { ...ctx, actorId: owner, memberId: owner };
      if (task.startDate > today) continue;
      const finishes = task.dueDate < cutoff && depsDone;
      // Done engagements finish late tasks a few days after their due date (the go-live slipped a little).
      const finishDay = spec.mode === 'done' && task.id === goLiveId ? addWorkingDays(task.dueDate, lateBy) : task.dueDate;
      if (finishes) {
        const finishedAt = new Date(Math.min(now.getTime() - 3_600_000, at(finishDay, 16).getTime()));
        await updateTask(db, ownerCtx, task.id, { status: 'done' }, finishedAt);
        status.set(task.id, 'done');
      } else if (depsDone && task.startDate <= cutoff) {
        await updateTask(
          db,
          ownerCtx,
          task.id,
          { status: 'in_progress' },
          new Date(Math.min(now.getTime() - 3_600_000, at(task.startDate, 9).getTime())),
        );
        status.set(task.id, 'in_progress');
      } else continue;

      // Time: the owner (or the lead for customer tasks, who runs the calls) logs work on the task's working days.
      const lastDay = [finishDay, today].sort()[0]!;
      const days = Math.min(workingDaysBetween(task.startDate, lastDay) + 1, 6);
      const customerTask = task.owner?.type === 'contact';
      for (let i = 0; i < days; i++) {
        const day = addWorkingDays(task.startDate, i);
        if (!isWorkingDay(day) || day > today) continue;
        const base = customerTask ? 0.5 : (spec.intensity ?? 1) * rnd.pick([1, 1.5, 2, 2.5, 3]);
        const minutes = Math.min(600, Math.round((base * 60) / 15) * 15);
        const started = at(day, rnd.int(8, 14));
        if (started.getTime() + minutes * 60_000 > now.getTime()) continue;
        await logTaskTime(
          db,
          ownerCtx,
          task.id,
          owner,
          {
            minutes,
            category: customerTask || task.customerVisible ? 'customer' : 'engineering',
            note: customerTask ? `Call with the customer on "${task.title}"` : undefined,
            startedAt: started.toISOString(),
          },
          new Date(Math.min(now.getTime(), started.getTime() + minutes * 60_000)),
        );
      }
      if (rnd.chance(0.2)) {
        const comment = spec.mode === 'slipped' ? COMMENTS[2]! : rnd.pick(COMMENTS.filter((_, i) => i !== 2));
        await addComment(
          db,
          ownerCtx,
          task.id,
          { type: 'member', id: owner },
          comment,
          new Date(Math.min(now.getTime() - 3_600_000, at(task.startDate, 15).getTime())),
        );
      }
    }

    if (spec.mode === 'slipped') {
      // The customer's SSO metadata is late: say so on the task, where the team and the customer see it.
      const sso = engagement.tasks.find((t) => t.title === 'Provide SSO metadata');
      if (sso) await addComment(db, ctx, sso.id, { type: 'member', id: leadId }, COMMENTS[4]!, new Date(now.getTime() - 5 * 86_400_000));
      engagement = await updateEngagement(db, ctx, engagement.id, { status: 'at_risk' }, now);
    }
    if (spec.mode === 'done') {
      const goLive = goLiveTaskOf(engagement.tasks) ?? [...engagement.tasks].sort((a, b) => b.dueDate.localeCompare(a.dueDate))[0];
      const actual = goLive ? addWorkingDays(goLive.dueDate, lateBy) : today;
      await updateEngagement(db, ctx, engagement.id, { status: 'done', actualGoLiveDate: actual < today ? actual : today }, now);
    }
  }

  // A forward-deployed engagement without a template: a handful of hand-made tasks.
  const riverbend = await db.selectFrom('accounts').select('id').where('name', '=', 'Riverbend Manufacturing').executeTakeFirst();
  const yukiId = await idOf(YUKI);
  if (riverbend && yukiId) {
    const ctx = await memberCtx(YUKI);
    const start = addWorkingDays(addCalendarDays(today, -35), 0);
    const e = await createEngagement(
      db,
      ctx,
      {
        accountId: riverbend.id,
        kind: 'forward_deployment',
        name: 'Riverbend — embedded ML pipeline deployment',
        status: 'active',
        leadId: yukiId,
        memberIds: [],
        startDate: start,
        targetGoLiveDate: addWorkingDays(start, 45),
        budgetHours: 320,
        description: 'Yuki works on site two days a week: pipeline deployment, customisations and product feedback.',
      },
      new Date(now.getTime() - 40 * 86_400_000),
    );
    const steps: [string, number, number, boolean][] = [
      ['Deploy the pipeline runner on their Kubernetes cluster', 0, 8, true],
      ['Connect the plant historian feed', 9, 10, true],
      ['Tune anomaly thresholds with the line engineers', 20, 12, true],
      ['Write up product feedback from the deployment', 33, 4, false],
    ];
    let previous: string | null = null;
    for (const [title, offset, duration, visible] of steps) {
      const taskStart = addWorkingDays(start, offset);
      const task = await createTask(
        db,
        ctx,
        e.id,
        {
          title,
          startDate: taskStart,
          dueDate: addWorkingDays(taskStart, duration - 1),
          owner: { type: 'member', id: yukiId },
          customerVisible: visible,
          dependsOn: previous ? [previous] : [],
        },
        new Date(now.getTime() - 39 * 86_400_000),
      );
      previous = task.id;
      if (task.dueDate < today) {
        await updateTask(
          db,
          ctx,
          task.id,
          { status: 'done' },
          new Date(Math.min(now.getTime() - 3_600_000, at(task.dueDate, 16).getTime())),
        );
        for (let i = 0; i < duration; i += 2) {
          const day = addWorkingDays(taskStart, i);
          if (day >= today) break;
          await logTaskTime(
            db,
            ctx,
            task.id,
            yukiId,
            { minutes: 6 * 60, category: 'engineering', startedAt: at(day, 8).toISOString() },
            at(day, 15),
          );
        }
      } else if (task.startDate <= today) {
        await updateTask(db, ctx, task.id, { status: 'in_progress' }, new Date(now.getTime() - 3_600_000));
      }
    }
  }
}
