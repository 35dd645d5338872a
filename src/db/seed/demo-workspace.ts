import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { SYSTEM_CONTEXT } from '../../kernel/actor.js';
import { randomSecret } from '../../kernel/secrets.js';
import * as accounts from '../../modules/accounts/index.js';
import { CUSTOMER_ROLES, LIFECYCLE_STAGES, SEGMENTS, type InteractionKind } from '../../modules/accounts/index.js';
import * as team from '../../modules/team/index.js';
import {
  CONTACT_TITLES,
  DEMO_ACCOUNTS,
  DEMO_ADMIN_EMAIL,
  DEMO_MEMBERS,
  FIRST_NAMES,
  INTERACTION_SUBJECTS,
  LAST_NAMES,
} from './demo-data.js';
import { seedDemoPlaybooks } from './demo-playbooks.js';
import { seedDemoSupport } from './demo-support.js';
import { seedDemoKnowledge } from './demo-knowledge.js';
import { seedDemoEnvironments } from './demo-environments.js';
import { seedDemoEngagements } from './demo-engagements.js';
import { seedDemoDeliveryRecords } from './demo-delivery-records.js';
import { seedDemoFeedback } from './demo-feedback.js';
import { seedDemoSuccess } from './demo-success.js';
import { seedDemoPresales } from './demo-presales.js';
import { seedDemoTeam } from './demo-team.js';
import { reindexAll } from '../../modules/search/index.js';
import { SeededRandom } from './random.js';

export interface DemoOptions {
  /** Every demo member's password; a random one when left out (see `newDemoPassword`). */
  password?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  adminEmail: string;
  password: string;
  members: number;
  accounts: number;
  contacts: number;
  interactions: number;
  tickets: number;
}

const ARR_RANGE: Record<(typeof SEGMENTS)[number], [number, number]> = {
  strategic: [900_000, 3_200_000],
  enterprise: [220_000, 880_000],
  mid_market: [45_000, 200_000],
  smb: [6_000, 40_000],
};

const DEEP_KINDS: InteractionKind[] = ['meeting', 'workshop', 'business_review', 'training', 'demo', 'site_visit'];
const LIGHT_KINDS: InteractionKind[] = ['email', 'call'];

/** True when the workspace already has members, so a restart never seeds twice. */
export async function hasData(db: Kysely<Database>): Promise<boolean> {
  return !!(await db.selectFrom('members').select('id').limit(1).executeTakeFirst());
}

/**
 * Writes the demo workspace through the same services the API uses: a team covering every role,
 * 30 accounts across segments and stages, 3–6 contacts each, and a year of interactions that make
 * about half the relationships engaged and the rest transactional. Names, counts and shapes are
 * fixed by the seed; dates are relative to `now` so that rolling windows stay meaningful. Every
 * member gets `options.password`: never a fixed one, since the demo may be reachable by others.
 */
export async function seedDemoWorkspace(
  db: Kysely<Database>,
  now = new Date(),
  { password = randomSecret(12), onProgress }: DemoOptions = {},
): Promise<DemoSummary> {
  const rnd = new SeededRandom(20261125);
  const ctx = SYSTEM_CONTEXT;
  const memberIds = new Map<string, string>();
  for (const m of DEMO_MEMBERS) {
    const { member } = await team.createMember(db, ctx, { ...m, password });
    memberIds.set(m.email, member.id);
  }
  const byRole = (role: string) => DEMO_MEMBERS.filter((m) => m.roles.includes(role as never)).map((m) => memberIds.get(m.email)!);

  let contacts = 0;
  let interactions = 0;
  for (const [index, demo] of DEMO_ACCOUNTS.entries()) {
    const segment = SEGMENTS[index % SEGMENTS.length]!;
    const [lo, hi] = ARR_RANGE[segment];
    const stage = index < 2 ? 'prospect' : rnd.pick(LIFECYCLE_STAGES.filter((s) => s !== 'prospect'));
    // A churned customer's last renewal date is behind it; everyone else renews ahead.
    const renewalOffsetDays = stage === 'churned' ? -rnd.int(30, 200) : rnd.int(-20, 420);
    const renewal = new Date(now.getTime() + renewalOffsetDays * 86_400_000).toISOString().slice(0, 10);
    const account = await accounts.createAccount(db, ctx, {
      name: demo.name,
      domains: [demo.domain],
      segment,
      arr: Math.round(rnd.int(lo, hi) / 1000) * 1000,
      lifecycleStage: stage,
      renewalDate: stage === 'prospect' ? null : renewal,
    });

    const slots = [
      { role: 'technical_account_manager', memberId: rnd.pick(byRole('technical_account_manager')) },
      { role: 'customer_success', memberId: rnd.pick(byRole('customer_success')) },
      { role: 'support_tier2', memberId: rnd.pick(byRole('support_tier2')) },
    ];
    if (segment === 'strategic' || segment === 'enterprise') {
      slots.push({ role: 'solutions_architect', memberId: rnd.pick(byRole('solutions_architect')) });
      slots.push({ role: 'implementation', memberId: rnd.pick(byRole('implementation')) });
    }
    if (segment === 'strategic') slots.push({ role: 'forward_deployed', memberId: rnd.pick(byRole('forward_deployed')) });
    if (stage === 'onboarding') slots.push({ role: 'professional_services', memberId: rnd.pick(byRole('professional_services')) });
    await accounts.setAccountTeam(db, ctx, account.id, slots);

    const contactIds: string[] = [];
    const usedEmails = new Set<string>();
    const people = rnd.sample(
      FIRST_NAMES.flatMap((f) => LAST_NAMES.slice(0, 6).map((l) => [f, l] as const)),
      rnd.int(3, 6),
    );
    for (const [i, [first, lastBase]] of people.entries()) {
      const last = rnd.chance(0.5) ? lastBase : rnd.pick(LAST_NAMES);
      let local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
      while (usedEmails.has(local)) local += String(rnd.int(0, 9));
      usedEmails.add(local);
      const customerRole = i === 0 ? 'decision_maker' : i === 1 ? 'champion' : rnd.pick(CUSTOMER_ROLES);
      const contact = await accounts.createContact(db, ctx, account.id, {
        name: `${first} ${last}`,
        email: `${local}@${demo.domain}`,
        title: rnd.pick(CONTACT_TITLES[customerRole]),
        customerRole,
        phone: `+1 555 ${String(rnd.int(100, 999))} ${String(rnd.int(1000, 9999))}`,
      });
      contactIds.push(contact.id);
      contacts++;
    }

    // Strategic and enterprise accounts are mostly engaged; smaller ones mostly transactional.
    const engaged = segment === 'strategic' || (segment === 'enterprise' && index % 3 !== 0) || index % 7 === 0;
    const count = engaged ? rnd.int(12, 24) : rnd.int(1, 5);
    for (let i = 0; i < count; i++) {
      const daysAgo = engaged ? Math.floor((i / count) * 330) + rnd.int(0, 10) : rnd.int(1, 360);
      const kind = engaged && rnd.chance(0.7) ? rnd.pick(DEEP_KINDS) : rnd.pick(LIGHT_KINDS);
      const occurredAt = new Date(now.getTime() - daysAgo * 86_400_000);
      occurredAt.setUTCHours(rnd.int(13, 17), rnd.pick([0, 15, 30, 45]), 0, 0);
      await accounts.logInteraction(db, ctx, account.id, {
        kind,
        occurredAt: occurredAt.toISOString(),
        durationMinutes: kind === 'email' ? 5 : kind === 'site_visit' ? 240 : rnd.pick([15, 30, 45, 60, 90]),
        subject: rnd.pick(INTERACTION_SUBJECTS[kind]),
        notes: kind === 'email' ? null : 'Notes: agreed next steps and owners; follow-up scheduled.',
        memberIds: [rnd.pick(slots).memberId],
        contactIds: rnd.sample(contactIds, rnd.int(1, Math.min(2, contactIds.length))),
      });
      interactions++;
    }
    onProgress?.(index + 1, DEMO_ACCOUNTS.length);
  }
  const tickets = await seedDemoSupport(db, now, { tier1: byRole('support_tier1'), tier2: byRole('support_tier2') });
  await seedDemoKnowledge(db, byRole('support_tier2'));
  const tier2Lead = DEMO_MEMBERS.find((m) => m.roles.includes('support_tier2'))!;
  await seedDemoPlaybooks(db, { id: memberIds.get(tier2Lead.email)!, name: tier2Lead.name, email: tier2Lead.email });
  // Delivery: environments first (engagements and campaigns refer to them), then the engagements
  // and what hangs off them (status reports, POC criteria, training, field visits).
  await seedDemoEnvironments(db, now);
  await seedDemoEngagements(db, now);
  await seedDemoDeliveryRecords(db, now);
  await seedDemoFeedback(db);
  // Pre-sales: deals, their PoCs, requirements and statements of work, the answer library, a
  // security questionnaire and collateral (gaps feed the feedback inbox, so before success).
  await seedDemoPresales(db, now);
  // The team: internal staff and everyone's time, so each role profile has its evidence.
  const teamSeed = await seedDemoTeam(db, now);
  // Customer success: licences and 90 days of product usage, then health from all of the above.
  await seedDemoSuccess(db, now);
  // The write path indexed every record as it was made; a rebuild makes the demo index canonical.
  await reindexAll(db);
  // The demo's history wrote reply mails to its fictional customers: none of them is to be sent.
  await db.deleteFrom('outbox_emails').execute();
  return {
    adminEmail: DEMO_ADMIN_EMAIL,
    tickets,
    password,
    members: DEMO_MEMBERS.length,
    accounts: DEMO_ACCOUNTS.length + teamSeed.accounts,
    contacts,
    interactions,
  };
}
