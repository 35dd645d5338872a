/**
 * The narrowest crash window of an Idempotency-Key request, made deterministic: the process dies
 * after the ticket's transaction committed and before the answer was stored or sent. The crash
 * test (kill-during-burst.test.ts) lands there only now and then; here the request is frozen at
 * that point (a preSerialization hook that never returns, as a dead process never does), the
 * reservation's lease is made to end, and the client's retry must get the ticket it made, not a
 * second one.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server.js';
import { loadConfig } from '../../src/app/config.js';
import type { Db } from '../../src/db/connect.js';
import { freshDatabase, testDialects } from '../../src/db/test-database.js';
import { SYSTEM_CONTEXT } from '../../src/kernel/actor.js';
import { secretBoxFromKey } from '../../src/modules/platform/webhooks/secret-box.js';
import { createMember } from '../../src/modules/team/members/member-service.js';
import { createAccountViaService, createContactViaService } from '../factories/index.js';

const FREEZE_HEADER = 'x-test-freeze-after-commit';

describe.each(testDialects())('an answer lost between commit and reply on %s', (dialect) => {
  let db: Db;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let contactId: string;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    app = await buildServer({
      db,
      config: { ...loadConfig({}), webRoot: '/nonexistent' },
      logger: false,
      secretBox: secretBoxFromKey(randomBytes(32)),
    });
    // The "crash": the handler has returned (its transaction committed); nothing after this runs.
    app.addHook('preSerialization', async (request, _reply, payload) => {
      if (request.headers[FREEZE_HEADER]) await new Promise<never>(() => undefined);
      return payload;
    });
    await app.ready();
    await createMember(db.kysely, SYSTEM_CONTEXT, {
      email: 'lead@freeze.test',
      name: 'Lead',
      roles: ['admin'],
      password: 'correct horse battery',
    });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'lead@freeze.test', password: 'correct horse battery' },
    });
    const cookie = signIn.cookies.find((c) => c.name === 'outpost_session')!;
    headers = { cookie: `outpost_session=${cookie.value}`, 'x-csrf-token': (signIn.json() as { csrfToken: string }).csrfToken };
    const account = await createAccountViaService(db, { domains: ['freeze.test'] });
    contactId = (await createContactViaService(db, account.id, { email: 'requester@freeze.test' })).id;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const ticketsAbout = async (subject: string) =>
    (await db.kysely.selectFrom('tickets').select('id').where('subject', '=', subject).execute()).map((r) => r.id);

  it('replays the committed ticket to the retry after the lease, instead of opening a second one', async () => {
    const subject = `Frozen after commit ${randomBytes(3).toString('hex')}`;
    const request = {
      method: 'POST' as const,
      url: '/api/tickets',
      headers: { ...headers, 'idempotency-key': `freeze-${subject}` },
      payload: { subject, description: 'The answer never leaves the server', requesterId: contactId },
    };
    void app.inject({ ...request, headers: { ...request.headers, [FREEZE_HEADER]: '1' } });
    const deadline = Date.now() + 10_000;
    while ((await ticketsAbout(subject)).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const [committed] = await ticketsAbout(subject);
    expect(committed, 'the frozen request committed its ticket').toBeDefined();

    // The lease of whatever the dead request left behind has ended.
    await db.kysely
      .updateTable('idempotency_keys')
      .set({ created_at: new Date(Date.now() - 60 * 60_000).toISOString() })
      .where('key', '=', `freeze-${subject}`)
      .execute();
    const retry = await app.inject(request);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((retry.json() as { id: string }).id).toBe(committed);
    expect(await ticketsAbout(subject)).toEqual([committed]);
  });
});
