import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ChangeContext } from '../../kernel/actor.js';
import { accountOwners } from '../../modules/accounts/index.js';
import {
  createDealSupport,
  createOpportunity,
  logOpportunityInteraction,
  recordDemo,
  updateDealSupport,
  updateOpportunity,
} from '../../modules/presales/index.js';
import type { OpportunityStage, TechnicalWinStatus } from '../../modules/presales/contract/kinds.js';
import type { UpdateOpportunityInput } from '../../modules/presales/contract/opportunities.js';
import { findMemberRowByEmail } from '../../modules/team/index.js';

const DANIEL = 'daniel.kim@outpost.local'; // sales engineer
const SOFIA = 'sofia.rossi@outpost.local'; // solutions architect
const HANNAH = 'hannah.mueller@outpost.local'; // a TAM, sales owner where an account has no owner

interface DealSpec {
  account: string;
  name: string;
  arr: number;
  /** The stages it went through, each with how many days ago it got there; the last is where it stands. */
  path: [OpportunityStage, number][];
  closeInDays: number;
  technicalWin: [TechnicalWinStatus, string | null];
  products: string[];
  description: string;
}

/** The five deals other pre-sales seeds find by name (PoCs, requirements, questionnaires, collateral). */
const DEALS: DealSpec[] = [
  {
    account: 'Kestrel Aerospace',
    name: 'Kestrel Aerospace — Maintenance analytics',
    arr: 240_000,
    path: [
      ['discovery', 75],
      ['qualification', 60],
      ['technical_validation', 40],
    ],
    closeInDays: 45,
    technicalWin: ['in_progress', null],
    products: ['Beacon Platform', 'Beacon Analytics', 'Edge Connector'],
    description: 'Predictive maintenance analytics across the fleet’s engine telemetry; a PoC on two aircraft types decides it.',
  },
  {
    account: 'Maple Street Bank',
    name: 'Maple Street Bank — Security analytics suite',
    arr: 380_000,
    path: [
      ['discovery', 120],
      ['qualification', 100],
      ['technical_validation', 70],
      ['proposal', 20],
    ],
    closeInDays: 30,
    technicalWin: ['in_progress', null],
    products: ['Beacon Platform', 'Beacon Security Analytics'],
    description: 'SOC-wide security analytics replacing two legacy SIEM dashboards; security questionnaire and SOW in progress.',
  },
  {
    account: 'Helios Energy',
    name: 'Helios Energy — Grid monitoring expansion',
    arr: 150_000,
    path: [['discovery', 14]],
    closeInDays: 120,
    technicalWin: ['not_started', null],
    products: ['Beacon Platform', 'Edge Connector'],
    description: 'Extend monitoring from the two pilot substations to the whole transmission grid.',
  },
  {
    account: 'Pinecrest University',
    name: 'Pinecrest University — Campus-wide deployment',
    arr: 90_000,
    path: [
      ['discovery', 200],
      ['technical_validation', 160],
      ['proposal', 120],
      ['closed_won', 95],
    ],
    closeInDays: -95,
    technicalWin: ['won', 'IT and research computing signed off after the pilot in the engineering faculty.'],
    products: ['Beacon Platform'],
    description: 'Every faculty on one platform after the engineering pilot.',
  },
  {
    account: 'Zephyr Mobility',
    name: 'Zephyr Mobility — Telematics platform',
    arr: 200_000,
    path: [
      ['discovery', 150],
      ['technical_validation', 110],
      ['closed_lost', 60],
    ],
    closeInDays: -60,
    technicalWin: [
      'lost',
      'Zephyr needs the platform on premises in their own data centres; we offer the telematics module in the cloud only.',
    ],
    products: ['Beacon Platform', 'Beacon Telematics'],
    description: 'Telematics ingestion for 40,000 vehicles.',
  },
];

/**
 * Demo opportunities (issue 16): the five deals above, each walked through its stages so its
 * timeline has a history, with Daniel Kim as sales engineer, Sofia Rossi as solutions architect
 * and the account's owner as sales owner; two demos, three deal-support requests (one overdue)
 * and a few calls and meetings linked to the deals. All through the presales services.
 */
export async function seedDemoPresalesOpportunities(db: Kysely<Database>, now: Date): Promise<void> {
  const daysAgo = (days: number, hour = 15) => {
    const d = new Date(now.getTime() - days * 86_400_000);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const day = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const daniel = (await findMemberRowByEmail(db, DANIEL))?.id;
  const sofia = (await findMemberRowByEmail(db, SOFIA))?.id;
  const hannah = (await findMemberRowByEmail(db, HANNAH))?.id ?? null;
  if (!daniel || !sofia) return;
  const ctxOf = (memberId: string): ChangeContext => ({ actorType: 'member', actorId: memberId, memberId, ip: null });

  const accounts = await db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where(
      'name',
      'in',
      DEALS.map((d) => d.account),
    )
    .execute();
  const accountId = new Map(accounts.map((a) => [a.name, a.id]));
  const owners = await accountOwners(
    db,
    accounts.map((a) => a.id),
  );

  const deals = new Map<string, { id: string; accountId: string; owner: string | null }>();
  for (const spec of DEALS) {
    const account = accountId.get(spec.account);
    if (!account) continue;
    const owner = owners.get(account) ?? hannah;
    const [first, ...moves] = spec.path;
    let win: TechnicalWinStatus = first![0] === 'discovery' ? 'not_started' : 'in_progress';
    const created = await createOpportunity(
      db,
      ctxOf(owner ?? daniel),
      {
        accountId: account,
        name: spec.name,
        stage: first![0],
        arr: spec.arr,
        closeDate: day(spec.closeInDays),
        salesOwnerId: owner,
        salesEngineerId: daniel,
        solutionsArchitectId: sofia,
        technicalWin: win,
        products: spec.products,
        description: spec.description,
      },
      daysAgo(first![1], 9),
    );
    // Walk the stages; the technical win starts with technical work and ends where the spec says.
    for (const [index, [stage, ago]] of moves.entries()) {
      const change: UpdateOpportunityInput = { stage };
      if (index === moves.length - 1) {
        change.technicalWin = spec.technicalWin[0];
        change.technicalWinReason = spec.technicalWin[1];
      } else if (win === 'not_started' && stage !== 'qualification') {
        change.technicalWin = win = 'in_progress';
      }
      await updateOpportunity(
        db,
        ctxOf(stage === 'technical_validation' ? daniel : (owner ?? daniel)),
        created.id,
        change,
        daysAgo(ago, 10),
      );
    }
    deals.set(spec.account, { id: created.id, accountId: account, owner });
  }

  const contactsOf = async (account: string) =>
    (await db.selectFrom('contacts').select('id').where('account_id', '=', account).orderBy('created_at').orderBy('id').execute()).map(
      (c) => c.id,
    );

  // Calls and meetings about the deals, on the accounts' timelines.
  const calls: [string, number, 'call' | 'meeting', string, number][] = [
    ['Helios Energy', 12, 'call', 'Discovery call: grid monitoring scope and substation count', 45],
    ['Maple Street Bank', 95, 'meeting', 'Qualification with the CISO: SOC pains and the SIEM replacement timeline', 60],
    ['Maple Street Bank', 25, 'call', 'Pricing walkthrough with procurement', 30],
    ['Kestrel Aerospace', 42, 'meeting', 'PoC scoping workshop: success criteria and aircraft types', 90],
    ['Zephyr Mobility', 62, 'meeting', 'Decision meeting: on-premises requirement confirmed', 45],
  ];
  for (const [account, ago, kind, subject, minutes] of calls) {
    const deal = deals.get(account);
    if (!deal) continue;
    const contacts = (await contactsOf(deal.accountId)).slice(0, 2);
    await logOpportunityInteraction(db, ctxOf(daniel), deal.id, {
      kind,
      occurredAt: daysAgo(ago).toISOString(),
      durationMinutes: minutes,
      subject,
      memberIds: [daniel, ...(deal.owner && deal.owner !== daniel ? [deal.owner] : [])],
      contactIds: contacts,
    });
  }

  // Three deal-support requests: an RFP in progress, an architecture review accepted, an overdue demo.
  const maple = deals.get('Maple Street Bank');
  const kestrel = deals.get('Kestrel Aerospace');
  const helios = deals.get('Helios Energy');
  if (maple) {
    const rfp = await createDealSupport(
      db,
      ctxOf(maple.owner ?? daniel),
      maple.id,
      {
        kind: 'rfp',
        title: 'Security questionnaire (SIG Lite) for the bank’s vendor risk team',
        assigneeId: sofia,
        dueDate: day(5),
        estimatedHours: 16,
        notes: 'Their vendor-risk team wants it back before the proposal review.',
      },
      daysAgo(18),
    );
    await updateDealSupport(db, ctxOf(sofia), rfp.id, { status: 'in_progress' }, daysAgo(15));
  }
  if (kestrel) {
    const review = await createDealSupport(
      db,
      ctxOf(kestrel.owner ?? daniel),
      kestrel.id,
      {
        kind: 'architecture_review',
        title: 'Review the edge-connector architecture with Kestrel’s IT',
        assigneeId: sofia,
        dueDate: day(10),
        estimatedHours: 8,
        notes: 'Hangar networks are air-gapped; they want the data path on one page.',
      },
      daysAgo(6),
    );
    await updateDealSupport(db, ctxOf(sofia), review.id, { status: 'accepted' }, daysAgo(5));
  }
  if (helios) {
    await createDealSupport(
      db,
      ctxOf(helios.owner ?? daniel),
      helios.id,
      {
        kind: 'demo',
        title: 'Grid monitoring demo for the operations team',
        assigneeId: daniel,
        dueDate: day(-2),
        estimatedHours: 6,
        notes: 'Outage alerting and the substation map matter most to them.',
      },
      daysAgo(9),
    );
  }

  // Two demos: Kestrel's on its own staging environment, Maple's to the SOC.
  if (kestrel) {
    const environment = await db
      .selectFrom('deployments')
      .select('id')
      .where('account_id', '=', kestrel.accountId)
      .orderBy('name', 'desc')
      .executeTakeFirst();
    const contacts = await contactsOf(kestrel.accountId);
    await recordDemo(
      db,
      ctxOf(daniel),
      kestrel.id,
      {
        title: 'Maintenance analytics on engine telemetry',
        occurredAt: daysAgo(50).toISOString(),
        durationMinutes: 75,
        contactIds: contacts.slice(0, 3),
        presenterIds: [daniel, sofia],
        otherAttendees: ['Two reliability engineers from the MRO hangar'],
        script: 'Fleet overview → engine health trend → predicted part failure → work order hand-off',
        environmentId: environment?.id ?? null,
        outcome: 'positive',
        notes: 'Strong interest in the failure prediction; asked to prove it on their own data in a PoC.',
        followUps: [
          { text: 'Send the PoC proposal with success criteria', done: true },
          { text: 'Get sample telemetry for two aircraft types', done: true },
          { text: 'Confirm the hangar network constraints with IT', done: false },
        ],
      },
      daysAgo(50, 17),
    );
  }
  if (maple) {
    const contacts = await contactsOf(maple.accountId);
    await recordDemo(
      db,
      ctxOf(daniel),
      maple.id,
      {
        title: 'SOC workflow: alert triage to incident report',
        occurredAt: daysAgo(72).toISOString(),
        durationMinutes: 60,
        contactIds: contacts.slice(0, 2),
        presenterIds: [daniel],
        otherAttendees: [],
        script: 'Standard security analytics storyline with the bank’s own alert categories',
        outcome: 'neutral',
        notes: 'Liked the triage view; worried about export to their existing SIEM during the transition.',
        followUps: [
          { text: 'Document the SIEM export path', done: true },
          { text: 'Arrange a reference call with another bank', done: false },
        ],
      },
      daysAgo(72, 17),
    );
  }
}
