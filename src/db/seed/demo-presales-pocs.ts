import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ChangeContext } from '../../kernel/actor.js';
import { addCriterion, createEngagement, recordPocVerdict, updateEngagement } from '../../modules/delivery/index.js';

const DAY = 86_400_000;
const DANIEL = 'daniel.kim@outpost.local';
const SOFIA = 'sofia.rossi@outpost.local';

/** A concluded PoC on a closed deal, so win/loss by PoC verdict has history to show. */
interface ConcludedPoc {
  deal: string;
  name: string;
  startOffset: number;
  criteria: [statement: string, status: 'pass' | 'fail'][];
  verdict: 'pass' | 'fail';
  note: string;
}

const CONCLUDED: ConcludedPoc[] = [
  {
    deal: 'Pinecrest University — Campus-wide deployment',
    name: 'Pinecrest — engineering faculty pilot PoC',
    startOffset: -155,
    criteria: [
      ['Students and staff sign in with the campus SSO', 'pass'],
      ['Lab usage reports by faculty and course', 'pass'],
      ['Runs on research computing’s own cluster', 'pass'],
    ],
    verdict: 'pass',
    note: 'All three criteria met in the two-week pilot; IT and research computing signed off',
  },
  {
    deal: 'Zephyr Mobility — Telematics platform',
    name: 'Zephyr — telematics ingest PoC',
    startOffset: -100,
    criteria: [
      ['Ingest 5,000 vehicle messages per second', 'pass'],
      ['Alert on harsh braking within 5 seconds', 'pass'],
      ['Runs in Zephyr’s own data centre', 'fail'],
    ],
    verdict: 'fail',
    note: 'The telematics module runs in our cloud only; Zephyr’s security team requires it on premises',
  },
];

/**
 * The demo workspace's proofs of concept tied to deals (issue 16): the running Kestrel PoC is
 * linked to its deal (made by the opportunities seed just before), and the closed Pinecrest and
 * Zephyr deals get the PoCs they were won and lost on — through delivery's services, as a sales
 * engineer would. A deal the opportunities seed did not make is skipped.
 */
export async function seedDemoPresalesPocs(db: Kysely<Database>, now: Date): Promise<void> {
  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
  const memberCtx = async (email: string): Promise<ChangeContext> => {
    const id = (await db.selectFrom('members').select('id').where('email', '=', email).executeTakeFirst())?.id ?? null;
    return { actorType: id ? 'member' : 'system', actorId: id, memberId: id, ip: null };
  };
  const dealNamed = (name: string) =>
    db.selectFrom('opportunities').select(['id', 'account_id']).where('name', '=', name).executeTakeFirst();
  const daniel = await memberCtx(DANIEL);
  const sofia = await memberCtx(SOFIA);

  const kestrelDeal = await dealNamed('Kestrel Aerospace — Maintenance analytics');
  const kestrelPoc = await db
    .selectFrom('engagements')
    .select('id')
    .where('kind', '=', 'proof_of_concept')
    .where('name', '=', 'Kestrel — maintenance analytics PoC')
    .executeTakeFirst();
  if (kestrelDeal && kestrelPoc) await updateEngagement(db, daniel, kestrelPoc.id, { opportunityId: kestrelDeal.id }, now);

  for (const spec of CONCLUDED) {
    const deal = await dealNamed(spec.deal);
    if (!deal) continue;
    const engagement = await createEngagement(
      db,
      daniel,
      {
        accountId: deal.account_id,
        kind: 'proof_of_concept',
        name: spec.name,
        description: `Proof of concept for the deal “${spec.deal}”.`,
        status: 'done',
        leadId: daniel.memberId,
        memberIds: sofia.memberId ? [sofia.memberId] : [],
        startDate: day(spec.startOffset),
        targetGoLiveDate: day(spec.startOffset + 14),
        budgetHours: 40,
        opportunityId: deal.id,
      },
      new Date(now.getTime() + (spec.startOffset - 7) * DAY),
    );
    for (const [statement, status] of spec.criteria) await addCriterion(db, daniel, engagement.id, { statement, status });
    // The deal is closed: the verdict is history and leaves its technical win as it closed.
    await recordPocVerdict(db, daniel, engagement.id, { verdict: spec.verdict, note: spec.note });
  }
}
