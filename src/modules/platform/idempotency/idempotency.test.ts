import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError } from '../../../../test/factories/index.js';
import { expireIdempotencyKeys } from './idempotency-expiry.js';

describe.each(testDialects())('Idempotency-Key on %s', (dialect) => {
  let t: TestApp;
  let tam: SignedIn;
  let csm: SignedIn;

  const accountsNamed = async (name: string) =>
    (await t.db.kysely.selectFrom('accounts').select('id').where('name', '=', name).execute()).length;
  const interactionsAbout = async (subject: string) =>
    (await t.db.kysely.selectFrom('interactions').select('id').where('subject', '=', subject).execute()).length;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    [tam, csm] = [await signInAs(t, ['technical_account_manager']), await signInAs(t, ['customer_success'])];
  });
  afterAll(async () => t.close());

  it('creates one record for a retried POST and answers the retry with the same body, marked as replayed', async () => {
    const request = {
      method: 'POST' as const,
      url: '/api/accounts',
      headers: { 'idempotency-key': 'create-umbrella-1' },
      payload: { name: 'Umbrella', segment: 'enterprise', arr: 120000 },
    };
    const first = await tam.request(request);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await tam.request(request);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toMatch(/application\/json/);
    expect(retry.json()).toEqual(first.json());
    expect(await accountsNamed('Umbrella')).toBe(1);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'account.created')
      .where('record_id', '=', first.json().id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('logs one interaction when the same request is retried while the first is still running', async () => {
    const account = await createAccountViaService(t.db);
    const request = {
      method: 'POST' as const,
      url: `/api/accounts/${account.id}/interactions`,
      headers: { 'idempotency-key': 'log-call-twice' },
      payload: { kind: 'call', occurredAt: new Date().toISOString(), durationMinutes: 20, subject: 'Concurrent retry' },
    };
    const responses = await Promise.all([tam.request(request), tam.request(request), tam.request(request)]);
    expect(await interactionsAbout('Concurrent retry')).toBe(1);
    const created = responses.filter((r) => r.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const res of created) expect(res.json().id).toBe(created[0]!.json().id);
    // A retry that overlaps the original is told to wait, never given a second record.
    for (const res of responses.filter((r) => r.statusCode !== 201)) expectError(res, 409, 'request.idempotency_in_progress');
    const later = await tam.request(request);
    expect(later.statusCode).toBe(201);
    expect(later.json().id).toBe(created[0]!.json().id);
  });

  it('refuses the same key with a different body with 422 and creates nothing', async () => {
    const headers = { 'idempotency-key': 'create-stark-1' };
    const first = await tam.request({
      method: 'POST',
      url: '/api/accounts',
      headers,
      payload: { name: 'Stark Industries', segment: 'strategic' },
    });
    expect(first.statusCode).toBe(201);
    const reused = await tam.request({
      method: 'POST',
      url: '/api/accounts',
      headers,
      payload: { name: 'Wayne Enterprises', segment: 'strategic' },
    });
    const error = expectError(reused, 422, 'request.idempotency_key_reused');
    expect(error.message).toMatch(/new key/);
    expect(await accountsNamed('Wayne Enterprises')).toBe(0);

    const otherRoute = await tam.request({
      method: 'POST',
      url: `/api/accounts/${first.json().id}/contacts`,
      headers,
      payload: { name: 'Pepper', email: 'pepper@stark.com' },
    });
    expectError(otherRoute, 422, 'request.idempotency_key_reused');
  });

  it('keeps different members’ keys apart: the same key creates a record for each', async () => {
    const headers = { 'idempotency-key': 'shared-key' };
    const a = await tam.request({ method: 'POST', url: '/api/accounts', headers, payload: { name: 'Cyberdyne', segment: 'smb' } });
    const b = await csm.request({ method: 'POST', url: '/api/accounts', headers, payload: { name: 'Tyrell', segment: 'smb' } });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(a.json().id).not.toBe(b.json().id);
    expect(await accountsNamed('Cyberdyne')).toBe(1);
    expect(await accountsNamed('Tyrell')).toBe(1);
  });

  it('replays a final refusal, so a retry of a request that cannot succeed fails the same way', async () => {
    const headers = { 'idempotency-key': 'call-nowhere' };
    const payload = { kind: 'call', occurredAt: new Date().toISOString(), durationMinutes: 5, subject: 'Nobody there' };
    const first = await tam.request({ method: 'POST', url: '/api/accounts/no-such-account/interactions', headers, payload });
    expectError(first, 404, 'accounts.not_found');
    const retry = await tam.request({ method: 'POST', url: '/api/accounts/no-such-account/interactions', headers, payload });
    expectError(retry, 404, 'accounts.not_found');
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('never stores a conflict: once it is gone, a retry with the same key creates the record (issue 13, finding 3)', async () => {
    const existing = await createAccountViaService(t.db, { name: 'Initrode' });
    const headers = { 'idempotency-key': 'dup-umbrella' };
    expectError(
      await tam.request({ method: 'POST', url: '/api/accounts', headers, payload: { name: 'Initrode', segment: 'smb' } }),
      409,
      'conflict.duplicate',
    );
    expect(
      (await tam.request({ method: 'PATCH', url: `/api/accounts/${existing.id}`, payload: { name: 'Initrode (old)' } })).statusCode,
    ).toBe(200);
    const retry = await tam.request({ method: 'POST', url: '/api/accounts', headers, payload: { name: 'Initrode', segment: 'smb' } });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('lets a retry take over a reservation its crashed original left behind, once the lease has ended (issue 13, finding 2)', async () => {
    const payload = { name: 'Crashed Corp', segment: 'smb' };
    const headers = { 'idempotency-key': 'crashed-create' };
    // What a process killed mid-request leaves: the key's reservation (status 0), no answer, and
    // no record (the work's transaction never committed).
    const original = await tam.request({ method: 'POST', url: '/api/accounts', headers, payload });
    expect(original.statusCode).toBe(201);
    await t.db.kysely
      .updateTable('idempotency_keys')
      .set({ status_code: 0, response_body: '', created_at: new Date().toISOString() })
      .where('key', '=', 'crashed-create')
      .execute();
    await t.db.kysely.deleteFrom('audit_log').where('record_id', '=', original.json().id).execute();
    await t.db.kysely.deleteFrom('search_documents').where('doc_id', '=', original.json().id).execute();
    await t.db.kysely.deleteFrom('accounts').where('id', '=', original.json().id).execute();
    // Within the lease the original may still be running: the retry is told to wait.
    expectError(await tam.request({ method: 'POST', url: '/api/accounts', headers, payload }), 409, 'request.idempotency_in_progress');
    await t.db.kysely
      .updateTable('idempotency_keys')
      .set({ created_at: new Date(Date.now() - 5 * 60_000).toISOString() })
      .where('key', '=', 'crashed-create')
      .execute();
    const retry = await tam.request({ method: 'POST', url: '/api/accounts', headers, payload });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(await accountsNamed('Crashed Corp')).toBe(1);
    const replay = await tam.request({ method: 'POST', url: '/api/accounts', headers, payload });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await accountsNamed('Crashed Corp')).toBe(1);
  });

  it('refuses an over-long key with 400', async () => {
    const res = await tam.request({
      method: 'POST',
      url: '/api/accounts',
      headers: { 'idempotency-key': 'k'.repeat(201) },
      payload: { name: 'Long Key', segment: 'smb' },
    });
    expectError(res, 400, 'request.invalid');
    expect(await accountsNamed('Long Key')).toBe(0);
  });

  it('replays a key for a day; after the expiry pass the same key makes a new record', async () => {
    const account = await createAccountViaService(t.db);
    const request = {
      method: 'POST' as const,
      url: `/api/accounts/${account.id}/interactions`,
      headers: { 'idempotency-key': 'weekly-call' },
      payload: { kind: 'call', occurredAt: new Date().toISOString(), durationMinutes: 30, subject: 'Weekly sync' },
    };
    const first = await tam.request(request);
    expect(first.statusCode).toBe(201);
    // Twenty-three hours on, the pass keeps it and a retry is still a replay.
    expect(await expireIdempotencyKeys(t.db.kysely, new Date(Date.now() + 23 * 3_600_000))).toBe(0);
    expect((await tam.request(request)).headers['idempotent-replayed']).toBe('true');
    expect(await interactionsAbout('Weekly sync')).toBe(1);
    // A day and an hour on, it is gone (with every other key of this test run), and the key is new again.
    expect(await expireIdempotencyKeys(t.db.kysely, new Date(Date.now() + 25 * 3_600_000))).toBeGreaterThanOrEqual(1);
    const later = await tam.request(request);
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.json().id).not.toBe(first.json().id);
    expect(await interactionsAbout('Weekly sync')).toBe(2);
  });
});
