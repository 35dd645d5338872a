import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../test/helpers/test-app.js';
import {
  createAccountViaService,
  createContactViaService,
  daysAgo,
  expectError,
  logInteractionViaService,
} from '../../../test/factories/index.js';
import { SYSTEM_CONTEXT } from '../../kernel/actor.js';
import { LIFECYCLE_STAGES, SEGMENTS } from './contract/kinds.js';
import { DEFAULT_RELATIONSHIP_RULES } from './relationship-depth.js';
import type { Account, AccountSummary } from './contract/accounts.js';
import { setAccountTeam } from './service.js';

const WORDS = ['Apex', 'Birch', 'Cobalt', 'Delta', 'Ember', 'Falcon', 'Garnet', 'Harbor', 'Indigo', 'Juniper', 'Kelvin', 'Lumen'];
const TOTAL = 60;

describe.each(testDialects())('account list on %s', (dialect) => {
  let t: TestApp;
  let tam: SignedIn;
  let csm: SignedIn;
  let admin: SignedIn;
  const created: Account[] = [];

  /** Follows nextCursor to the end; fails on a page larger than the limit or a runaway loop. */
  const walk = async (query: string, limit = 7): Promise<AccountSummary[]> => {
    const seen: AccountSummary[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const res = await tam.request({ method: 'GET', url: `/api/accounts?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}` });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: AccountSummary[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error('pagination did not end');
  };
  const ids = (list: { id: string }[]) => list.map((a) => a.id);
  const sortedIds = (list: { id: string }[]) => ids(list).sort();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    tam = await signInAs(t, ['technical_account_manager']);
    csm = await signInAs(t, ['customer_success']);
    admin = await signInAs(t, ['admin']);
    for (let i = 0; i < TOTAL; i++) {
      const word = WORDS[i % WORDS.length]!;
      const name = `${i % 2 ? word : word.toLowerCase()}${String(i).padStart(2, '0')}`;
      created.push(
        await createAccountViaService(t.db, {
          name,
          domains: [`${word.toLowerCase()}-${i}.com`, ...(i % 10 === 0 ? [`x${i}.example.org`] : [])],
          segment: SEGMENTS[i % SEGMENTS.length]!,
          lifecycleStage: LIFECYCLE_STAGES[i % LIFECYCLE_STAGES.length]!,
          // Ties on ARR and on renewal date make the id tie-breaker matter.
          arr: (i % 9) * 25_000,
          renewalDate: i % 6 === 0 ? null : `2027-${String((i % 12) + 1).padStart(2, '0')}-${i % 4 === 0 ? '01' : '15'}`,
        }),
      );
    }
    await setAccountTeam(t.db.kysely, SYSTEM_CONTEXT, created[3]!.id, [{ role: 'technical_account_manager', memberId: tam.memberId }]);
    await setAccountTeam(t.db.kysely, SYSTEM_CONTEXT, created[17]!.id, [
      { role: 'technical_account_manager', memberId: tam.memberId },
      { role: 'customer_success', memberId: csm.memberId },
    ]);
    await setAccountTeam(t.db.kysely, SYSTEM_CONTEXT, created[40]!.id, [{ role: 'customer_success', memberId: csm.memberId }]);
  });
  afterAll(async () => t.close());

  it('walks every page of the default list once, with no duplicates or gaps', async () => {
    const all = await walk('');
    expect(all).toHaveLength(TOTAL);
    expect(new Set(ids(all)).size).toBe(TOTAL);
    expect(sortedIds(all)).toEqual(sortedIds(created));
  });

  it('finds accounts by any part of the name, in any case', async () => {
    const hits = await walk('q=GARNET');
    expect(sortedIds(hits)).toEqual(sortedIds(created.filter((a) => a.name.toLowerCase().includes('garnet'))));
    expect(hits.length).toBe(5);
  });

  it('finds accounts by the start of an e-mail domain, not the middle of one', async () => {
    const hits = await walk('q=x20.example');
    expect(ids(hits)).toEqual([created[20]!.id]);
    expect(await walk('q=example.org')).toEqual([]);
    const byDomain = await walk('q=indigo-44');
    expect(ids(byDomain)).toEqual([created[44]!.id]);
  });

  it('filters by segment, stage, relationship and team member', async () => {
    for (const segment of SEGMENTS) {
      expect(sortedIds(await walk(`segment=${segment}`))).toEqual(sortedIds(created.filter((a) => a.segment === segment)));
    }
    expect(sortedIds(await walk('stage=at_risk'))).toEqual(sortedIds(created.filter((a) => a.lifecycleStage === 'at_risk')));
    expect(sortedIds(await walk('segment=smb&stage=onboarding'))).toEqual(
      sortedIds(created.filter((a) => a.segment === 'smb' && a.lifecycleStage === 'onboarding')),
    );
    expect(await walk('relationship=engaged')).toEqual([]);
    expect(await walk('relationship=transactional')).toHaveLength(TOTAL);
    expect(sortedIds(await walk(`memberId=${tam.memberId}`))).toEqual(sortedIds([created[3]!, created[17]!]));
    const csmAccounts = await walk(`memberId=${csm.memberId}`);
    expect(sortedIds(csmAccounts)).toEqual(sortedIds([created[17]!, created[40]!]));
    // The account manager is the TAM where there is one, else the CSE.
    const managers = Object.fromEntries(csmAccounts.map((a) => [a.id, a.accountManager?.id]));
    expect(managers).toEqual({ [created[17]!.id]: tam.memberId, [created[40]!.id]: csm.memberId });
  });

  const orderings: [string, (a: Account) => string | number | null][] = [
    ['name', (a) => a.name.toLowerCase()],
    ['arr', (a) => a.arr],
    ['renewal_date', (a) => a.renewalDate],
  ];
  for (const [sort, key] of orderings) {
    for (const order of ['asc', 'desc'] as const) {
      it(`sorts by ${sort} ${order}${sort === 'renewal_date' ? ' with undated accounts last' : ''}, across pages`, async () => {
        const dir = order === 'asc' ? 1 : -1;
        const expected = [...created].sort((a, b) => {
          const [ka, kb] = [key(a), key(b)];
          if (ka === null && kb !== null) return 1;
          if (kb === null && ka !== null) return -1;
          if (ka !== null && kb !== null && ka !== kb) return (ka < kb ? -1 : 1) * dir;
          return (a.id < b.id ? -1 : 1) * dir;
        });
        const seen = await walk(`sort=${sort}&order=${order}`);
        expect(ids(seen)).toEqual(ids(expected));
        if (sort === 'renewal_date') expect(seen.slice(-10).every((a) => a.renewalDate === null)).toBe(true);
      });
    }
  }

  it('refuses a cursor it did not hand out with 400, whatever the sort', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify([value, 'x'])).toString('base64url');
    for (const query of [
      'cursor=not-a-cursor',
      `cursor=${forged('lots')}&sort=arr`,
      `cursor=${forged(5)}&sort=name`,
      `cursor=${forged('someday')}&sort=renewal_date`,
      `cursor=${forged({ a: 1 })}`,
    ]) {
      expectError(await tam.request({ method: 'GET', url: `/api/accounts?${query}` }), 400, 'request.invalid_cursor');
    }
  });

  it('shows the account page with its team and the evidence behind its relationship depth', async () => {
    const account = created[17]!;
    await createContactViaService(t.db, account.id);
    await logInteractionViaService(t.db, account.id, { kind: 'workshop', occurredAt: daysAgo(3), memberIds: [tam.memberId] });
    const res = await tam.request({ method: 'GET', url: `/api/accounts/${account.id}` });
    expect(res.statusCode).toBe(200);
    const page = res.json() as Account;
    expect(page.team.map((s) => [s.role, s.memberId])).toEqual([
      ['customer_success', csm.memberId],
      ['technical_account_manager', tam.memberId],
    ]);
    expect(page.team.every((s) => s.memberName.startsWith('Test '))).toBe(true);
    expect(page.accountManager?.id).toBe(tam.memberId);
    expect(page.contactCount).toBe(1);
    expect(page.relationship).toBe('transactional');
    expect(page.relationshipEvidence).toMatchObject({
      verdict: 'transactional',
      interactionCount: 1,
      deepInteractionCount: 1,
      kinds: { workshop: 1 },
    });
    expect(page.relationshipEvidence.criteria.map((c) => c.met)).toEqual([false, false, false]);
    expectError(await tam.request({ method: 'GET', url: '/api/accounts/no-such-account' }), 404, 'accounts.not_found');
  });

  it('turns a relationship engaged once enough interactions are logged, and back when the rules are tightened', async () => {
    const account = created[5]!;
    const log = (kind: string, days: number) =>
      tam.request({
        method: 'POST',
        url: `/api/accounts/${account.id}/interactions`,
        payload: { kind, occurredAt: daysAgo(days), durationMinutes: 30, subject: `${kind} ${days} days ago` },
      });
    for (const [kind, days] of [
      ['meeting', 5],
      ['call', 35],
      ['workshop', 65],
      ['email', 95],
      ['business_review', 125],
    ] as const) {
      expect((await log(kind, days)).statusCode).toBe(201);
    }
    const relationshipOf = async () => (await tam.request({ method: 'GET', url: `/api/accounts/${account.id}` })).json() as Account;
    expect((await relationshipOf()).relationship).toBe('transactional');

    expect((await log('call', 10)).statusCode).toBe(201);
    const engaged = await relationshipOf();
    expect(engaged.relationship).toBe('engaged');
    expect(engaged.relationshipEvidence).toMatchObject({ interactionCount: 6, deepInteractionCount: 3 });
    expect(engaged.relationshipEvidence.criteria.every((c) => c.met)).toBe(true);
    expect(ids(await walk('relationship=engaged'))).toEqual([account.id]);

    const tightened = { ...DEFAULT_RELATIONSHIP_RULES, minInteractions: 10 };
    const put = await admin.request({ method: 'PUT', url: '/api/settings/relationship-rules', payload: tightened });
    expect(put.statusCode).toBe(200);
    expect((await tam.request({ method: 'GET', url: '/api/settings/relationship-rules' })).json()).toEqual(tightened);
    const back = await relationshipOf();
    expect(back.relationship).toBe('transactional');
    expect(back.relationshipEvidence.criteria[0]).toMatchObject({ actual: 6, required: 10, met: false });
    expect(await walk('relationship=engaged')).toEqual([]);

    // Deleting an interaction logged by mistake re-assesses too.
    await admin.request({ method: 'PUT', url: '/api/settings/relationship-rules', payload: DEFAULT_RELATIONSHIP_RULES });
    expect((await relationshipOf()).relationship).toBe('engaged');
    const timeline = (await tam.request({ method: 'GET', url: `/api/accounts/${account.id}/interactions` })).json().items as {
      id: string;
    }[];
    expect((await tam.request({ method: 'DELETE', url: `/api/interactions/${timeline[0]!.id}` })).statusCode).toBe(204);
    expect((await relationshipOf()).relationship).toBe('transactional');
  });
});
