import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, unique } from '../../../../test/factories/index.js';
import type { Opportunity } from '../contract/opportunities.js';
import { opportunityTimeline } from './timeline-service.js';

/** Counts the queries that read the `interactions` table (the accounts module's). */
function interactionReads(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery({ node }: { node: RootOperationNode }) {
      if (node.kind === 'SelectQueryNode' && JSON.stringify(node.from).includes('"interactions"')) plugin.count++;
      return node;
    },
    transformResult: async <T>({ result }: { result: T }) => result,
  };
  return plugin;
}

describe.each(testDialects())('the opportunity timeline on %s', (dialect) => {
  let t: TestApp;
  let se: SignedIn;
  let accountId: string;
  let dealId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    se = await signInAs(t, ['sales_engineer']);
    const n = unique();
    accountId = (await createAccountViaService(t.db, { name: `Timeline ${n}`, domains: [`timeline-${n}.test`] })).id;
    const deal = await se.request({
      method: 'POST',
      url: '/api/opportunities',
      payload: { accountId, name: 'Fleet telemetry', stage: 'discovery' },
    });
    dealId = (deal.json() as Opportunity).id;
  });
  afterAll(() => t.close());

  const log = async (kind: string, subject: string, occurredAt: string) => {
    const res = await se.request({
      method: 'POST',
      url: `/api/opportunities/${dealId}/interactions`,
      payload: { kind, subject, occurredAt, durationMinutes: 30, memberIds: [se.memberId], contactIds: [] },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };

  it('reads the deal’s interactions in one batch, newest first, leaving out one deleted on the account', async () => {
    await log('meeting', 'Kick-off', '2026-10-01T09:00:00Z');
    await log('call', 'Architecture call', '2026-10-08T09:00:00Z');
    const gone = await log('call', 'Pricing call', '2026-10-15T09:00:00Z');
    await log('workshop', 'Data workshop', '2026-10-22T09:00:00Z');
    expect((await se.request({ method: 'DELETE', url: `/api/interactions/${gone}` })).statusCode).toBe(204);

    const counter = interactionReads();
    const entries = await opportunityTimeline(t.db.kysely.withPlugin(counter), dealId);
    expect(counter.count).toBe(1);
    expect(entries.filter((e) => e.type === 'interaction').map((e) => e.title)).toEqual([
      'Workshop: Data workshop',
      'Call: Architecture call',
      'Meeting: Kick-off',
    ]);
    expect(entries.find((e) => e.title === 'Meeting: Kick-off')).toMatchObject({ actor: { id: se.memberId } });

    const res = await se.request({ method: 'GET', url: `/api/opportunities/${dealId}/timeline` });
    expect(res.statusCode, res.body).toBe(200);
  });
});
