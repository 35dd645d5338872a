import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { SYSTEM_CONTEXT, type ChangeContext } from '../../kernel/actor.js';
import { DEFAULT_MEASURES, ingestUsage, overrideHealth, refreshHealth, runSuccessPass } from '../../modules/success/index.js';
import { createPlaybookRule, generateReview, saveHealthModel, saveUsageSettings, sendReview } from '../../modules/success/index.js';
import type { CreatePlaybookRuleInput } from '../../modules/success/contract/playbooks.js';
import { SeededRandom } from './random.js';

/** The product's features as its telemetry names them; each plan licenses some of them. */
const FEATURES = ['dashboards', 'reports', 'alerts', 'api', 'sso', 'workflows', 'mobile', 'audit_log'] as const;
const PLAN_FEATURES: Record<string, readonly string[]> = {
  strategic: FEATURES,
  enterprise: FEATURES.slice(0, 7),
  mid_market: FEATURES.slice(0, 5),
  smb: FEATURES.slice(0, 3),
};

/**
 * How each demo account uses the product over the last 90 days. Most are healthy; a few decline
 * (active users falling over the last month) or never took up most of what they bought, so the
 * portfolio has believable yellows and reds whose drivers say why.
 */
type Profile = 'healthy' | 'declining' | 'shallow' | 'lapsing';
const PROFILES: Record<string, Profile> = {
  // Red: most of what they bought sits unused, and the users they had are leaving (plus breaches).
  'Lumen Biotech': 'lapsing',
  'Brightwave Software': 'lapsing',
  // Losing users since last month, on top of SLA breaches and a silent relationship.
  'Umbra Media': 'lapsing',
  'Cedar Health Partners': 'declining',
  'Helios Energy': 'declining',
  // Bought the suite, use a corner of it.
  'Driftwood Hotels': 'shallow',
  'Tidewater Utilities': 'shallow',
};

const DAYS = 90;
const BATCH = 1000;

/** Licences and usage, then every account's health (so the first page shows scores), then the playbooks. */
export async function seedDemoSuccess(db: Kysely<Database>, now: Date): Promise<void> {
  // The workspace's own cut-offs, and a model for strategic accounts where SLA breaches weigh double.
  await saveHealthModel(db, SYSTEM_CONTEXT, 'default', { measures: [...DEFAULT_MEASURES], greenMin: 75, yellowMin: 50 }, now);
  await saveHealthModel(
    db,
    SYSTEM_CONTEXT,
    'strategic',
    {
      measures: DEFAULT_MEASURES.map((m) => (m.metric === 'sla_breaches_30d' ? { ...m, weight: 30 } : m)),
      greenMin: 75,
      yellowMin: 50,
    },
    now,
  );
  await seedDemoUsage(db, now);
  // A daily snapshot for each of the last 90 days, as the hourly pass would have left them: the
  // trend lines, the 30-day change and the grade distribution have a history to show. (Tickets
  // and interactions are read as they stand today; usage, by its day.)
  for (let daysAgo = SNAPSHOT_DAYS; daysAgo >= 1; daysAgo--) await refreshHealth(db, new Date(now.getTime() - daysAgo * 86_400_000));
  for (const rule of PLAYBOOK_RULES) await createPlaybookRule(db, SYSTEM_CONTEXT, rule, now);
  await runSuccessPass(db, now);
  await seedDemoOverride(db, now);
  await seedDemoReviews(db, now);
}

/**
 * Business reviews: last quarter's review of Northwind Logistics, sent to its contacts (so it is on
 * the timeline and in their portal), and this quarter's review of Kestrel Aerospace still a draft.
 */
async function seedDemoReviews(db: Kysely<Database>, now: Date): Promise<void> {
  const quarterStart = (offset: number) => {
    const q = Math.floor(now.getUTCMonth() / 3) + offset;
    return new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1));
  };
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const lastQuarter = { periodStart: day(quarterStart(-1)), periodEnd: day(new Date(quarterStart(0).getTime() - 86_400_000)) };
  const accountNamed = (name: string) => db.selectFrom('accounts').select('id').where('name', '=', name).executeTakeFirst();
  const northwind = await accountNamed('Northwind Logistics');
  if (northwind) {
    const review = await generateReview(
      db,
      SYSTEM_CONTEXT,
      northwind.id,
      { ...lastQuarter, title: 'Northwind Logistics — quarterly business review' },
      now,
    );
    const contacts = await db
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', northwind.id)
      .orderBy('created_at')
      .limit(2)
      .execute();
    if (contacts.length) await sendReview(db, SYSTEM_CONTEXT, review.id, { contactIds: contacts.map((c) => c.id) }, now);
  }
  const kestrel = await accountNamed('Kestrel Aerospace');
  if (kestrel)
    await generateReview(
      db,
      SYSTEM_CONTEXT,
      kestrel.id,
      { periodStart: day(quarterStart(0)), periodEnd: day(now), title: 'Kestrel Aerospace — business review (draft)' },
      now,
    );
}

const SNAPSHOT_DAYS = 90;

/** The calls to action a customer-success team starts with: each creates one task for a role on the account team. */
const PLAYBOOK_RULES: CreatePlaybookRuleInput[] = [
  {
    name: 'Health fell to red',
    trigger: 'health_red',
    role: 'technical_account_manager',
    taskTitle: 'Run a health review with the account team',
    steps: ['Read the drivers on the account page', 'Call the champion this week', 'Agree a recovery plan and log it as an interaction'],
    dueInDays: 5,
  },
  {
    name: 'Renewal in 90 days',
    trigger: 'renewal_within',
    params: { days: 90 },
    role: 'customer_success',
    taskTitle: 'Prepare the renewal',
    steps: ['Check health, open blockers and adoption', 'Set the renewal forecast', 'Book the renewal meeting with the decision maker'],
    dueInDays: 14,
  },
  {
    name: 'Active users down 40 %',
    trigger: 'usage_drop',
    params: { percent: 40 },
    role: 'customer_success',
    taskTitle: 'Find out why usage dropped',
    steps: ['Look at which features lost users on the adoption card', 'Ask the champion what changed', 'Offer an adoption workshop'],
    dueInDays: 7,
  },
  {
    name: 'Silent for 60 days',
    trigger: 'no_interaction',
    params: { days: 60 },
    role: 'technical_account_manager',
    taskTitle: 'Check in with the customer',
    steps: ['Send a personal note to the champion', 'Propose a roadmap session'],
    dueInDays: 10,
  },
  {
    name: 'SLA breach on a strategic account',
    trigger: 'sla_breach_strategic',
    role: 'technical_account_manager',
    taskTitle: 'Follow up on the breached case with the customer',
    steps: ['Review the breached tickets with support', 'Tell the customer what is being done'],
    dueInDays: 2,
  },
];

/** A TAM who knows more than the figures: the usage looks fine, the renewal does not. */
async function seedDemoOverride(db: Kysely<Database>, now: Date): Promise<void> {
  const account = await db.selectFrom('accounts').select('id').where('name', '=', 'Yellowstone Outfitters').executeTakeFirst();
  if (!account) return;
  const tam = await db
    .selectFrom('account_team')
    .select('member_id')
    .where('account_id', '=', account.id)
    .where('role', '=', 'technical_account_manager')
    .executeTakeFirst();
  const ctx: ChangeContext = { ...SYSTEM_CONTEXT, actorType: 'member', actorId: tam?.member_id ?? null, memberId: tam?.member_id ?? null };
  await overrideHealth(
    db,
    ctx,
    account.id,
    {
      grade: 'red',
      reason: 'Their new CFO wants to cut seats at renewal; the champion left last month. Figures will lag.',
      expiresAt: new Date(now.getTime() + 21 * 86_400_000).toISOString(),
    },
    now,
  );
}

async function seedDemoUsage(db: Kysely<Database>, now: Date): Promise<{ events: number }> {
  const rnd = new SeededRandom(15);
  const accounts = await db.selectFrom('accounts').select(['id', 'name', 'segment']).orderBy('name').execute();
  let events = 0;
  for (const [index, account] of accounts.entries()) {
    const licensed = PLAN_FEATURES[account.segment] ?? FEATURES.slice(0, 3);
    const seats = { strategic: 800, enterprise: 400, mid_market: 120, smb: 25 }[account.segment] ?? 25;
    await saveUsageSettings(db, SYSTEM_CONTEXT, account.id, {
      externalId: `acct-${String(index + 1001)}`,
      seats,
      licensedFeatures: [...licensed],
    });
    const profile = PROFILES[account.name] ?? 'healthy';
    const used =
      profile === 'shallow' || profile === 'lapsing'
        ? licensed.slice(0, 2)
        : licensed.slice(0, Math.max(2, licensed.length - rnd.int(0, 1)));
    const batch: { index: number; value: unknown }[] = [];
    for (let daysAgo = DAYS - 1; daysAgo >= 0; daysAgo--) {
      const day = new Date(now.getTime() - daysAgo * 86_400_000);
      if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
      // Declining and lapsing accounts keep their level until a month ago, then lose over half their users.
      const decline = (profile === 'declining' || profile === 'lapsing') && daysAgo < 30 ? 0.2 + (daysAgo / 30) * 0.3 : 1;
      const base = profile === 'shallow' || profile === 'lapsing' ? 0.3 : 0.75;
      const activeUsers = Math.max(1, Math.round(seats * base * decline * (0.9 + rnd.next() * 0.2)));
      for (const feature of used) {
        batch.push({
          index: batch.length,
          value: {
            eventId: `demo-${account.id}-${day.toISOString().slice(0, 10)}-${feature}`,
            accountId: account.id,
            feature,
            activeUsers,
            quantity: Math.round(activeUsers * (1 + rnd.next() * 4)),
            timestamp: new Date(day.getTime() - (day.getTime() % 86_400_000) + 15 * 3_600_000).toISOString(),
          },
        });
      }
    }
    for (let i = 0; i < batch.length; i += BATCH) {
      const slice = batch.slice(i, i + BATCH).map((e, j) => ({ index: j, value: e.value }));
      const { result } = await ingestUsage(db, slice, now);
      events += result.accepted;
    }
  }
  return { events };
}
