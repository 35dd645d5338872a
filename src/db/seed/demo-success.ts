import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { SYSTEM_CONTEXT } from '../../kernel/actor.js';
import { ingestUsage, runSuccessPass, saveUsageSettings } from '../../modules/success/index.js';
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
type Profile = 'healthy' | 'declining' | 'shallow';
function profileOf(index: number): Profile {
  if (index % 7 === 3) return 'declining';
  if (index % 9 === 5) return 'shallow';
  return 'healthy';
}

const DAYS = 90;
const BATCH = 1000;

/** Licences and usage, then every account's health (so the first page shows scores), then the playbooks. */
export async function seedDemoSuccess(db: Kysely<Database>, now: Date): Promise<void> {
  await seedDemoUsage(db, now);
  await runSuccessPass(db, now);
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
    const profile = profileOf(index);
    const used = profile === 'shallow' ? licensed.slice(0, 2) : licensed.slice(0, Math.max(2, licensed.length - rnd.int(0, 1)));
    const batch: { index: number; value: unknown }[] = [];
    for (let daysAgo = DAYS - 1; daysAgo >= 0; daysAgo--) {
      const day = new Date(now.getTime() - daysAgo * 86_400_000);
      if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
      // Declining accounts keep their level until a month ago, then lose about half their users.
      const decline = profile === 'declining' && daysAgo < 30 ? 0.45 + (daysAgo / 30) * 0.3 : 1;
      const base = profile === 'shallow' ? 0.3 : 0.75;
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
