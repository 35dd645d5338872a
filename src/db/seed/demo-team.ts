import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { SYSTEM_CONTEXT, type ChangeContext } from '../../kernel/actor.js';
import * as accounts from '../../modules/accounts/index.js';
import { addAgentMessage, createTicket } from '../../modules/support/index.js';
import * as team from '../../modules/team/index.js';
import type { TimeCategory } from '../../modules/team/contract/time-entries.js';
import { DEMO_MEMBERS } from './demo-data.js';
import { SeededRandom } from './random.js';

/**
 * The demo workspace's team (issue 17): the company's own account (internal IT, whose requesters
 * are staff), everyone's time over the last 120 days in the five categories, and the interactions
 * the internal staff attended — so that each role profile comes out as the profession would judge
 * it. Time is written in batches (recordTimeHistory): the seed runs in many test hooks.
 */

export const INTERNAL_ACCOUNT = { name: 'Outpost Inc. — internal IT', domain: 'outpost.local' };

const HISTORY_DAYS = 120;
const DAY_MS = 86_400_000;

type Mix = Partial<Record<TimeCategory, number>>;

interface Plan {
  /** Share of each day's time by category. */
  mix: Mix;
  /** Which accounts the customer-facing part of the time is linked to. */
  accounts: 'own' | 'internal' | 'scattered' | 'none';
  /** How many of the member's engaged accounts get weekly contact. */
  focus?: number;
  /** Categories whose entries are linked to an account. */
  linked?: TimeCategory[];
  billable?: boolean;
}

// Hands-on engineering on customers' systems plus a standing relationship: customer-facing engineers.
const HANDS_ON: Plan = {
  mix: { engineering: 0.6, customer: 0.22, internal: 0.12, management: 0.06 },
  accounts: 'own',
  focus: 2,
  linked: ['engineering', 'customer'],
};

/** What each demo member's work looks like, by e-mail. */
const PLANS: Record<string, Plan> = {
  'admin@outpost.local': { mix: { management: 0.7, internal: 0.25, customer: 0.05 }, accounts: 'none' },
  // Tier 1 works the queue by the script: routine, on whichever customer's ticket comes next.
  'priya.raman@outpost.local': {
    mix: { routine: 0.62, engineering: 0.12, customer: 0.08, internal: 0.14, management: 0.04 },
    accounts: 'scattered',
    linked: ['routine'],
  },
  'marcus.bell@outpost.local': {
    mix: { routine: 0.66, engineering: 0.1, customer: 0.06, internal: 0.14, management: 0.04 },
    accounts: 'scattered',
    linked: ['routine'],
  },
  // Tier 2 troubleshoots off script, and keeps working with the same key accounts' engineers.
  'elena.petrova@outpost.local': {
    mix: { engineering: 0.58, routine: 0.1, customer: 0.14, internal: 0.13, management: 0.05 },
    accounts: 'own',
    focus: 2,
    linked: ['engineering', 'customer'],
  },
  'tomas.herrera@outpost.local': HANDS_ON,
  'grace.okafor@outpost.local': { ...HANDS_ON, mix: { engineering: 0.64, customer: 0.2, internal: 0.1, management: 0.06 }, billable: true },
  'liam.oconnor@outpost.local': { ...HANDS_ON, mix: { engineering: 0.62, customer: 0.2, internal: 0.12, management: 0.06 } },
  'yuki.tanaka@outpost.local': { ...HANDS_ON, mix: { engineering: 0.66, customer: 0.22, internal: 0.08, management: 0.04 } },
  // Architecture, PoC builds and demo environments are hands-on; the rest is with the customer.
  'sofia.rossi@outpost.local': { ...HANDS_ON, mix: { engineering: 0.53, customer: 0.32, internal: 0.1, management: 0.05 } },
  'daniel.kim@outpost.local': { ...HANDS_ON, mix: { engineering: 0.52, customer: 0.36, internal: 0.08, management: 0.04 } },
  // TAMs and CSMs own deep relationships, but most of their time is meetings, reviews and coordination.
  'hannah.mueller@outpost.local': {
    mix: { customer: 0.4, engineering: 0.34, management: 0.12, internal: 0.14 },
    accounts: 'own',
    focus: 3,
    linked: ['customer', 'engineering'],
  },
  'omar.haddad@outpost.local': {
    mix: { customer: 0.48, engineering: 0.18, management: 0.2, internal: 0.14 },
    accounts: 'own',
    focus: 3,
    linked: ['customer', 'engineering'],
  },
  'chloe.martin@outpost.local': {
    mix: { customer: 0.5, engineering: 0.2, routine: 0.08, internal: 0.14, management: 0.08 },
    accounts: 'own',
    focus: 3,
    linked: ['customer', 'engineering'],
  },
  'nora.lindqvist@outpost.local': {
    mix: { customer: 0.52, engineering: 0.14, routine: 0.1, internal: 0.16, management: 0.08 },
    accounts: 'own',
    focus: 3,
    linked: ['customer'],
  },
  'ravi.patel@outpost.local': { mix: { internal: 0.5, customer: 0.22, management: 0.18, engineering: 0.1 }, accounts: 'none' },
  // Internal staff. The software engineer builds all day and never meets a customer.
  'ada.novak@outpost.local': { mix: { engineering: 0.82, internal: 0.14, management: 0.04 }, accounts: 'none' },
  // The engineering manager codes about 15 % of the time.
  'ben.carter@outpost.local': { mix: { management: 0.55, engineering: 0.15, internal: 0.25, customer: 0.05 }, accounts: 'none' },
  // The product manager meets customers every week (discovery), but rarely engineers.
  'mia.schultz@outpost.local': {
    mix: { internal: 0.45, customer: 0.3, management: 0.17, engineering: 0.08 },
    accounts: 'own',
    focus: 2,
    linked: ['customer'],
  },
  // The IT help desk resets passwords and ships laptops, by the runbook, for the company's own staff.
  'sam.ito@outpost.local': {
    mix: { routine: 0.66, engineering: 0.1, internal: 0.19, management: 0.05 },
    accounts: 'internal',
    linked: ['routine', 'engineering'],
  },
};

const NOTES: Record<TimeCategory, string[]> = {
  engineering: ['Configured SSO and SCIM', 'Troubleshot the sync job', 'Built the PoC connector', 'Wrote the migration script'],
  routine: ['Worked the queue by the runbook', 'Password resets and access requests', 'Triage and first replies'],
  customer: ['Weekly sync with the customer', 'Workshop with their admins', 'Business review preparation and call'],
  management: ['1:1s and planning', 'Hiring loop', 'Staffing review'],
  internal: ['Team meeting', 'Training and documentation', 'Internal tooling'],
};

const STAFF_REQUESTERS = [
  { name: 'Lena Vogel', email: 'lena.vogel@outpost.local', title: 'Finance Manager' },
  { name: 'Tariq Aziz', email: 'tariq.aziz@outpost.local', title: 'Account Executive' },
  { name: 'Julia Brandt', email: 'julia.brandt@outpost.local', title: 'Recruiter' },
  { name: 'Owen Price', email: 'owen.price@outpost.local', title: 'Office Manager' },
];

const IT_REQUESTS = [
  ['Laptop for a new starter on Monday', 'Our new account executive starts Monday and needs a laptop set up.'],
  ['VPN disconnects every few minutes', 'The VPN drops every five minutes since yesterday’s update.'],
  ['Locked out of my e-mail', 'I mistyped my password too often and am locked out.'],
  ['Printer on the second floor is offline', 'Nobody on the second floor can print.'],
  ['Need access to the finance share', 'Please grant me access to the finance share for month-end.'],
  ['Monitor flickers', 'My external monitor flickers when connected through the dock.'],
] as const;

function weekdaysBack(now: Date, days: number): Date[] {
  const out: Date[] = [];
  for (let d = days; d >= 1; d--) {
    const day = new Date(now.getTime() - d * DAY_MS);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) out.push(day);
  }
  return out;
}

/** The engaged customer accounts a member works on: account teams, engagements and deals. */
async function accountsOf(db: Kysely<Database>, memberId: string): Promise<string[]> {
  const [seats, led, onEngagement, deals] = await Promise.all([
    db.selectFrom('account_team').select('account_id').where('member_id', '=', memberId).execute(),
    db.selectFrom('engagements').select('account_id').where('lead_id', '=', memberId).execute(),
    db
      .selectFrom('engagement_members')
      .innerJoin('engagements', 'engagements.id', 'engagement_members.engagement_id')
      .select('engagements.account_id')
      .where('engagement_members.member_id', '=', memberId)
      .execute(),
    db
      .selectFrom('opportunities')
      .select('account_id')
      .where((eb) => eb.or([eb('sales_engineer_id', '=', memberId), eb('solutions_architect_id', '=', memberId)]))
      .execute(),
  ]);
  // Delivery and deals first: those are the accounts a member works with hands-on.
  return [...new Set([...led, ...onEngagement, ...deals, ...seats].map((r) => r.account_id))];
}

/**
 * Seeds the team's evidence. Returns how many accounts it added (the internal one), for the summary.
 */
export async function seedDemoTeam(db: Kysely<Database>, now: Date): Promise<{ accounts: number }> {
  const rnd = new SeededRandom(17_2026);
  const ctx = SYSTEM_CONTEXT;
  const members = await db.selectFrom('members').select(['id', 'email']).execute();
  const idOf = new Map(members.map((m) => [m.email, m.id]));

  const internal = await accounts.createAccount(db, ctx, {
    name: INTERNAL_ACCOUNT.name,
    domains: [INTERNAL_ACCOUNT.domain],
    segment: 'smb',
    arr: 0,
    lifecycleStage: 'adoption',
    renewalDate: null,
    internal: true,
  });
  const staff = [];
  for (const person of STAFF_REQUESTERS)
    staff.push(await accounts.createContact(db, ctx, internal.id, { ...person, customerRole: 'end_user' }));

  const engaged = new Set(
    (
      await db
        .selectFrom('accounts')
        .select('id')
        .where('relationship', '=', 'engaged')
        .where('internal', '=', 0)
        .orderBy('name_lower')
        .execute()
    ).map((a) => a.id),
  );
  const customers = (await db.selectFrom('accounts').select('id').where('internal', '=', 0).orderBy('name_lower').execute()).map(
    (a) => a.id,
  );
  const days = weekdaysBack(now, HISTORY_DAYS);
  const entries: team.HistoricalTimeEntry[] = [];
  const focusOf = new Map<string, string[]>();

  for (const demo of DEMO_MEMBERS) {
    const memberId = idOf.get(demo.email);
    const plan = PLANS[demo.email];
    if (!memberId || !plan) continue;
    let focus: string[] = [];
    if (plan.accounts === 'own') {
      const own = (await accountsOf(db, memberId)).filter((a) => engaged.has(a));
      // Members on no account team (the product manager) meet the customers discovery leads them to.
      focus = (own.length ? own : rnd.sample([...engaged], plan.focus ?? 2)).slice(0, plan.focus ?? 2);
    } else if (plan.accounts === 'internal') focus = [internal.id];
    focusOf.set(demo.email, focus);

    for (const [dayIndex, day] of days.entries()) {
      const dayMinutes = rnd.int(26, 32) * 15; // 6.5 to 8 hours
      let clock = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8, 0);
      for (const [category, share] of Object.entries(plan.mix) as [TimeCategory, number][]) {
        const minutes = Math.round((dayMinutes * share * (0.8 + rnd.next() * 0.4)) / 15) * 15;
        if (minutes <= 0) continue;
        const linked = plan.linked?.includes(category);
        const accountId = !linked
          ? null
          : plan.accounts === 'scattered'
            ? rnd.pick(customers)
            : focus.length
              ? focus[dayIndex % focus.length]!
              : null;
        entries.push({
          memberId,
          minutes,
          category,
          startedAt: new Date(clock).toISOString(),
          accountId,
          billable: !!plan.billable && !!accountId,
          note: rnd.pick(NOTES[category]),
        });
        clock += minutes * 60_000;
      }
    }
  }
  await team.recordTimeHistory(db, ctx, entries);

  await seedStaffInteractions(db, now, idOf, focusOf, internal.id, staff);
  await seedInternalTickets(db, now, idOf.get('sam.ito@outpost.local'), staff);
  return { accounts: 1 };
}

/** The meetings the internal staff attended: discovery calls, one escalation, IT sessions for staff. */
async function seedStaffInteractions(
  db: Kysely<Database>,
  now: Date,
  idOf: Map<string, string>,
  focusOf: Map<string, string[]>,
  internalId: string,
  staff: { id: string }[],
): Promise<void> {
  const at = (daysAgo: number, hour: number) => {
    const d = new Date(now.getTime() - daysAgo * DAY_MS);
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString();
  };
  const mia = idOf.get('mia.schultz@outpost.local');
  const [discovery] = focusOf.get('mia.schultz@outpost.local') ?? [];
  if (mia && discovery) {
    const contacts = await accounts.listContacts(db, discovery);
    const contactIds = contacts.slice(0, 2).map((c: { id: string }) => c.id);
    for (const daysAgo of [84, 70, 56, 42, 28, 14, 3]) {
      await accounts.logInteraction(db, SYSTEM_CONTEXT, discovery, {
        kind: 'meeting',
        occurredAt: at(daysAgo, 15),
        durationMinutes: 45,
        subject: 'Discovery interview: approval workflows',
        notes: 'Walked through their approval process; pain points noted for the roadmap.',
        memberIds: [mia],
        contactIds,
      });
    }
  }
  const ben = idOf.get('ben.carter@outpost.local');
  const [escalated] = focusOf.get('elena.petrova@outpost.local') ?? [];
  if (ben && escalated) {
    await accounts.logInteraction(db, SYSTEM_CONTEXT, escalated, {
      kind: 'call',
      occurredAt: at(33, 16),
      durationMinutes: 30,
      subject: 'Escalation call: integration outage and fix timeline',
      notes: 'Committed to a hotfix date; Elena follows up daily.',
      memberIds: [ben, idOf.get('elena.petrova@outpost.local')!],
      contactIds: [],
    });
  }
  const sam = idOf.get('sam.ito@outpost.local');
  if (sam) {
    for (const daysAgo of [85, 71, 64, 50, 43, 29, 22, 8]) {
      await accounts.logInteraction(db, SYSTEM_CONTEXT, internalId, {
        kind: 'training',
        occurredAt: at(daysAgo, 9),
        durationMinutes: 60,
        subject: 'New-starter laptop and account set-up',
        notes: null,
        memberIds: [sam],
        contactIds: [staff[daysAgo % staff.length]!.id],
      });
    }
  }
}

/** Tickets from the company's own staff, worked by the IT help desk by the runbook. */
async function seedInternalTickets(db: Kysely<Database>, now: Date, samId: string | undefined, staff: { id: string }[]): Promise<void> {
  if (!samId) return;
  const agent: ChangeContext = { actorType: 'member', actorId: samId, memberId: samId, ip: null };
  for (let i = 0; i < 12; i++) {
    const [subject, description] = IT_REQUESTS[i % IT_REQUESTS.length]!;
    const createdAt = new Date(now.getTime() - (80 - i * 6) * DAY_MS);
    createdAt.setUTCHours(10, 0, 0, 0);
    const ticket = await createTicket(
      db,
      SYSTEM_CONTEXT,
      { subject, description, requesterId: staff[i % staff.length]!.id, priority: 'normal', channel: 'portal', tags: ['it'] },
      'portal',
      createdAt,
    );
    await addAgentMessage(
      db,
      agent,
      ticket.id,
      { body: 'Done by the runbook: please check and reply if anything is still off.', visibility: 'public', status: 'solved' },
      'web',
      new Date(createdAt.getTime() + 2 * 3_600_000),
    );
  }
}
