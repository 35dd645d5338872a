import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ChangeContext } from '../../kernel/actor.js';
import { findMemberRowByEmail } from '../../modules/team/index.js';
import { addCalendarDays, addWorkingDays, dayOf, isWorkingDay, workingDaysBetween } from '../../modules/delivery/index.js';
import type { Engagement, TemplateInput } from '../../modules/delivery/contract/engagements.js';
import { addComment, createEngagement, createTask, goLiveTaskOf, logTaskTime, updateEngagement, updateTask } from '../../modules/delivery/index.js';
import { createTemplate } from '../../modules/delivery/index.js';
import type { EngagementKind, EngagementStatus } from '../../modules/delivery/index.js';
import { SeededRandom } from './random.js';

type Side = 'team' | 'customer';
/** [key, title, side, role, durationDays, dependsOn, customerVisible, milestone, startOffsetDays] */
type T = [string, string, Side, string, number, string[], boolean?, boolean?, number?];

function template(name: string, kind: EngagementKind, description: string, phases: [string, T[]][]): TemplateInput {
  return {
    name,
    kind,
    description,
    phases: phases.map(([phase, tasks]) => ({
      name: phase,
      tasks: tasks.map(([key, title, ownerSide, ownerRole, durationDays, dependsOn, customerVisible = false, milestone = false, startOffsetDays = 0]) => ({
        key,
        title,
        description: null,
        ownerSide,
        ownerRole,
        startOffsetDays,
        durationDays,
        dependsOn,
        customerVisible: customerVisible || ownerSide === 'customer',
        milestone,
      })),
    })),
  };
}

export const DEMO_TEMPLATES: TemplateInput[] = [
  template('Standard implementation', 'implementation', 'From kick-off to hypercare: the eight phases of a typical Beacon Platform rollout (about ten weeks).', [
    [
      'Discovery & requirements',
      [
        ['kickoff', 'Kick-off meeting', 'team', 'implementation', 1, [], true],
        ['stakeholders', 'Confirm stakeholders and success criteria', 'customer', 'decision_maker', 2, ['kickoff']],
        ['reqs', 'Requirements workshops', 'team', 'solutions_architect', 4, ['kickoff'], true],
        ['sso_meta', 'Provide SSO metadata', 'customer', 'it_admin', 3, ['kickoff']],
        ['data_sample', 'Share a sample data export', 'customer', 'champion', 3, ['kickoff']],
      ],
    ],
    [
      'Solution design',
      [
        ['design', 'Write the solution design', 'team', 'solutions_architect', 4, ['reqs', 'stakeholders']],
        ['design_review', 'Design review with the customer', 'team', 'solutions_architect', 1, ['design'], true],
        ['signoff', 'Design sign-off', 'customer', 'decision_maker', 1, ['design_review'], true, true],
      ],
    ],
    [
      'Deploy',
      [
        ['env', 'Provision production and staging environments', 'team', 'implementation', 3, ['signoff']],
        ['network', 'Open firewall rules for the edge connector', 'customer', 'it_admin', 2, ['signoff']],
        ['sso', 'Configure SSO', 'team', 'implementation', 2, ['env', 'sso_meta'], true],
      ],
    ],
    [
      'Configure & customise',
      [
        ['config', 'Configure workflows, roles and approval flows', 'team', 'implementation', 5, ['env']],
        ['integrations', 'Build integrations', 'team', 'implementation', 5, ['env']],
        ['config_review', 'Review the configuration', 'customer', 'champion', 2, ['config']],
      ],
    ],
    [
      'Data migration',
      [
        ['mapping', 'Data mapping', 'team', 'implementation', 3, ['data_sample', 'signoff']],
        ['trial', 'Trial migration', 'team', 'implementation', 2, ['mapping', 'env']],
        ['validate', 'Validate migrated data', 'customer', 'champion', 2, ['trial']],
        ['final_migration', 'Final migration', 'team', 'implementation', 1, ['validate', 'config', 'integrations']],
      ],
    ],
    [
      'Training',
      [
        ['attendees', 'Nominate training attendees', 'customer', 'champion', 1, ['signoff']],
        ['admin_training', 'IT administrator training', 'team', 'customer_success', 1, ['config', 'attendees'], true],
        ['user_training', 'End-user training', 'team', 'customer_success', 2, ['config_review', 'attendees'], true],
      ],
    ],
    [
      'Go-live',
      [
        ['readiness', 'Go-live readiness review', 'team', 'implementation', 1, ['final_migration', 'user_training', 'admin_training', 'sso', 'network'], true],
        ['golive', 'Go-live', 'team', 'implementation', 1, ['readiness'], true, true],
      ],
    ],
    [
      'Hypercare',
      [
        ['hypercare', 'Hypercare: daily check-ins', 'team', 'implementation', 10, ['golive'], true],
        ['handover', 'Hand-over to support and the account team', 'team', 'technical_account_manager', 1, ['hypercare'], true],
        ['closure', 'Project closure sign-off', 'customer', 'decision_maker', 1, ['handover'], true, true],
      ],
    ],
  ]),
  template('Proof of concept (2 weeks)', 'proof_of_concept', 'A two-week evaluation against agreed success criteria, ending in a go / no-go decision.', [
    [
      'Set up',
      [
        ['kickoff', 'PoC kick-off and success criteria', 'team', 'sales_engineer', 1, [], true],
        ['tenant', 'Provision the PoC tenant', 'team', 'sales_engineer', 1, ['kickoff']],
        ['data', 'Provide test data and users', 'customer', 'champion', 2, ['kickoff']],
        ['sso', 'Connect SSO (optional)', 'customer', 'it_admin', 2, ['tenant']],
      ],
    ],
    [
      'Evaluate',
      [
        ['sessions', 'Run the use-case sessions', 'team', 'sales_engineer', 5, ['tenant', 'data'], true],
        ['checkin', 'Mid-point check-in', 'team', 'sales_engineer', 1, ['tenant'], true, false, 5],
      ],
    ],
    [
      'Decide',
      [
        ['readout', 'Results read-out', 'team', 'sales_engineer', 1, ['sessions', 'checkin'], true, true],
        ['decision', 'Go / no-go decision', 'customer', 'decision_maker', 1, ['readout'], true, true],
      ],
    ],
  ]),
  template('Onboarding (SMB)', 'onboarding', 'A light, three-week onboarding for small teams: set up, import, train, live.', [
    [
      'Welcome',
      [
        ['welcome', 'Welcome call', 'team', 'customer_success', 1, [], true],
        ['admins', 'Create admin accounts', 'customer', 'it_admin', 1, ['welcome']],
      ],
    ],
    [
      'Set up',
      [
        ['import', 'Import users', 'team', 'customer_success', 2, ['admins'], true],
        ['basics', 'Configure the basics', 'team', 'customer_success', 2, ['admins']],
        ['training', 'Admin training', 'team', 'customer_success', 1, ['basics'], true],
      ],
    ],
    [
      'Adopt',
      [
        ['live', 'Go live with the first team', 'customer', 'champion', 1, ['import', 'training'], true, true],
        ['checkin', 'Two-week adoption check-in', 'team', 'customer_success', 1, ['live'], true, false],
      ],
    ],
  ]),
  template('Professional services — custom integration', 'professional_services', 'A statement-of-work integration: specify, build, test and hand over a connector.', [
    [
      'Scoping',
      [
        ['sow', 'Confirm the statement of work', 'team', 'professional_services', 1, [], true],
        ['credentials', 'Provide API credentials for the target system', 'customer', 'it_admin', 2, ['sow']],
        ['spec', 'Integration specification', 'team', 'professional_services', 3, ['sow'], true],
        ['spec_signoff', 'Specification sign-off', 'customer', 'decision_maker', 1, ['spec'], true, true],
      ],
    ],
    [
      'Build',
      [
        ['build', 'Build the connector', 'team', 'professional_services', 8, ['spec_signoff', 'credentials']],
        ['tests', 'Automated tests', 'team', 'professional_services', 3, ['build']],
      ],
    ],
    [
      'Test & deliver',
      [
        ['uat', 'Customer acceptance testing', 'customer', 'champion', 3, ['tests']],
        ['deploy', 'Deploy to production', 'team', 'professional_services', 1, ['uat'], true, true],
        ['docs', 'Hand-over documentation', 'team', 'professional_services', 2, ['deploy'], true],
      ],
    ],
  ]),
  template('Field visit', 'field_visit', 'An on-site install: agree the date, ship, install, report.', [
    [
      'Prepare',
      [
        ['schedule', 'Agree the visit date and site access', 'team', 'field', 1, [], true],
        ['badges', 'Arrange badges and site access', 'customer', 'it_admin', 2, ['schedule']],
        ['ship', 'Ship the hardware', 'team', 'field', 2, ['schedule']],
      ],
    ],
    [
      'On site',
      [['install', 'On-site install', 'team', 'field', 1, ['badges', 'ship'], true, true]],
    ],
    [
      'Follow up',
      [['report', 'Visit report', 'team', 'field', 1, ['install'], true]],
    ],
  ]),
];

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
  opportunityRef?: string;
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
  { account: 'Northwind Logistics', template: 'Standard implementation', kind: 'implementation', name: 'Northwind — Beacon rollout', lead: TOMAS, members: [SOFIA, CHLOE, HANNAH], start: -28, mode: 'on_track', status: 'active', budgetHours: 220, contractLead: 21 },
  { account: 'Helios Energy', template: 'Standard implementation', kind: 'implementation', name: 'Helios — platform implementation', lead: TOMAS, members: [SOFIA, NORA], start: -45, mode: 'slipped', status: 'at_risk', budgetHours: 160, contractLead: 30, intensity: 1.4 },
  { account: 'Bluefin Capital', template: 'Standard implementation', kind: 'implementation', name: 'Bluefin — implementation', lead: TOMAS, members: [SOFIA, CHLOE, HANNAH], start: -150, mode: 'done', status: 'done', budgetHours: 200, contractLead: 35, goLiveLate: 4 },
  { account: 'Summit Insurance', template: 'Standard implementation', kind: 'implementation', name: 'Summit — claims platform go-live', lead: TOMAS, members: [SOFIA, NORA], start: -210, mode: 'done', status: 'done', budgetHours: 180, contractLead: 20, goLiveLate: 0 },
  { account: 'Cedar Health Partners', template: 'Onboarding (SMB)', kind: 'onboarding', name: 'Cedar Health — onboarding', lead: CHLOE, members: [], start: -60, mode: 'done', status: 'done', budgetHours: 24, contractLead: 14, goLiveLate: 2 },
  { account: 'Quantum Freight', template: 'Onboarding (SMB)', kind: 'onboarding', name: 'Quantum Freight — onboarding', lead: CHLOE, members: [], start: -6, mode: 'on_track', status: 'active', budgetHours: 24, contractLead: 10 },
  { account: 'Kestrel Aerospace', template: 'Proof of concept (2 weeks)', kind: 'proof_of_concept', name: 'Kestrel — maintenance analytics PoC', lead: DANIEL, members: [SOFIA], start: -5, mode: 'on_track', status: 'active', budgetHours: 40, opportunityRef: 'OPP-2041' },
  { account: 'Maple Street Bank', template: 'Professional services — custom integration', kind: 'professional_services', name: 'Maple Street — core banking connector', lead: GRACE, members: [], start: -24, mode: 'on_track', status: 'active', budgetHours: 60, intensity: 2.2 },
  { account: 'Orbital Retail Group', template: 'Standard implementation', kind: 'implementation', name: 'Orbital Retail — store operations rollout', lead: TOMAS, members: [SOFIA, CHLOE], start: 12, mode: 'planned', status: 'planned', budgetHours: 240, contractLead: 20 },
  { account: 'Pinecrest University', template: 'Field visit', kind: 'field_visit', name: 'Pinecrest — on-site edge connector install', lead: LIAM, members: [], start: -3, mode: 'on_track', status: 'active', budgetHours: 16 },
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
        opportunityRef: spec.opportunityRef ?? null,
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
        await updateTask(db, ownerCtx, task.id, { status: 'in_progress' }, new Date(Math.min(now.getTime() - 3_600_000, at(task.startDate, 9).getTime())));
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
        await addComment(db, ownerCtx, task.id, { type: 'member', id: owner }, comment, new Date(Math.min(now.getTime() - 3_600_000, at(task.startDate, 15).getTime())));
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
        { title, startDate: taskStart, dueDate: addWorkingDays(taskStart, duration - 1), owner: { type: 'member', id: yukiId }, customerVisible: visible, dependsOn: previous ? [previous] : [] },
        new Date(now.getTime() - 39 * 86_400_000),
      );
      previous = task.id;
      if (task.dueDate < today) {
        await updateTask(db, ctx, task.id, { status: 'done' }, new Date(Math.min(now.getTime() - 3_600_000, at(task.dueDate, 16).getTime())));
        for (let i = 0; i < duration; i += 2) {
          const day = addWorkingDays(taskStart, i);
          if (day >= today) break;
          await logTaskTime(db, ctx, task.id, yukiId, { minutes: 6 * 60, category: 'engineering', startedAt: at(day, 8).toISOString() }, at(day, 15));
        }
      } else if (task.startDate <= today) {
        await updateTask(db, ctx, task.id, { status: 'in_progress' }, new Date(now.getTime() - 3_600_000));
      }
    }
  }
}
