import type { Kysely } from 'kysely';
import type { Database } from '../../schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { createEngagement } from '../../../modules/delivery/index.js';
import { createTemplate } from '../../../modules/delivery/index.js';
import { createEnvironment } from '../../../modules/delivery/index.js';
import { createRelease } from '../../../modules/delivery/index.js';
import { DEMO_TEMPLATES } from '../demo-engagements.js';
import type { SeededRandom } from '../random.js';

const DAY = 86_400_000;
const PRODUCT = 'Beacon Platform';
/** Ten releases, one about every ten weeks up to now: 4.0 … 4.9. */
const RELEASES = Array.from({ length: 10 }, (_, i) => ({ version: `4.${i}`, daysAgo: (9 - i) * 72 + 5 }));
/** One account in this many has an engagement: about a thousand at the default 10k accounts. */
const ENGAGEMENT_EVERY = 10;

export interface BenchDeliveryInput {
  accounts: readonly { id: string; segment: string; contacts: readonly string[] }[];
  /** Members who lead engagements and register environments. */
  engineers: readonly string[];
  now: number;
  rnd: SeededRandom;
}

/**
 * The delivery part of the bench dataset: a release catalogue, a production environment on every
 * account (and staging on the larger ones) spread over the releases, and engagements laid out from
 * the standard implementation template on one account in ten. Written through the delivery
 * services, so the rows are the ones the app writes (templates lay out dated tasks, environments
 * keep their first configuration version), with dates relative to `now`.
 */
export async function seedBenchDelivery(
  db: Kysely<Database>,
  input: BenchDeliveryInput,
): Promise<{ environments: number; engagements: number }> {
  const { accounts, engineers, now, rnd } = input;
  const ctxOf = (memberId: string): ChangeContext => ({ actorType: 'member', actorId: memberId, memberId, ip: null });
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const curator = ctxOf(engineers[0]!);

  for (const r of RELEASES) {
    await createRelease(
      db,
      curator,
      {
        product: PRODUCT,
        version: r.version,
        releasedOn: at(r.daysAgo).toISOString().slice(0, 10),
        notes: `## ${PRODUCT} ${r.version}\n\nFixes and improvements.`,
        supported: r.daysAgo < 500,
      },
      at(r.daysAgo),
    );
  }
  const template = await createTemplate(
    db,
    curator,
    DEMO_TEMPLATES.find((t) => t.name === 'Standard implementation')!,
    at(800),
  );

  let environments = 0;
  let engagements = 0;
  for (const [i, account] of accounts.entries()) {
    const engineer = ctxOf(rnd.pick(engineers));
    const production = RELEASES[rnd.int(account.segment === 'smb' ? 0 : 3, RELEASES.length - 1)]!.version;
    for (const name of account.segment === 'smb' ? ['production'] : ['production', 'staging']) {
      await createEnvironment(
        db,
        engineer,
        account.id,
        {
          name,
          product: PRODUCT,
          version: production,
          hosting: rnd.chance(0.2) ? 'on_premises' : 'cloud',
          region: rnd.pick(['us-east-1', 'eu-central-1', 'ap-southeast-2']),
          configuration: { sso: { enforce: rnd.chance(0.5) }, retentionDays: rnd.pick([90, 365]) },
          contactIds: account.contacts.slice(0, 1),
        },
        at(rnd.int(100, 700)),
      );
      environments++;
    }
    if (i % ENGAGEMENT_EVERY === 0) {
      const startedDaysAgo = rnd.int(0, 300);
      const startDate = at(startedDaysAgo).toISOString().slice(0, 10);
      await createEngagement(
        db,
        engineer,
        {
          accountId: account.id,
          kind: 'implementation',
          name: `Rollout ${i}`,
          status: startedDaysAgo > 120 ? 'done' : 'active',
          leadId: engineer.memberId,
          templateId: template.id,
          startDate,
          contractStartDate: startDate,
          budgetHours: rnd.int(80, 240),
        },
        at(startedDaysAgo + 7),
      );
      engagements++;
    }
  }
  return { environments, engagements };
}
