import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/app/server.js';
import { loadConfig } from '../../src/app/config.js';
import type { Db } from '../../src/db/connect.js';
import type { DialectName } from '../../src/db/dialect.js';
import { freshDatabase } from '../../src/db/test-database.js';
import { SYSTEM_CONTEXT } from '../../src/kernel/actor.js';
import type { Role } from '../../src/modules/identity/roles/roles.js';
import { createMember } from '../../src/modules/team/members/member-service.js';
import { secretBoxFromKey } from '../../src/modules/platform/webhooks/secret-box.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  close(): Promise<void>;
}

/** A real server on a fresh database of the given dialect, driven with `inject`. */
export async function startTestApp(dialect: DialectName): Promise<TestApp> {
  const db = await freshDatabase(dialect);
  const app = await buildServer({
    db,
    config: { ...loadConfig({}), webRoot: '/nonexistent' },
    logger: false,
    secretBox: secretBoxFromKey(randomBytes(32)),
  });
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery';

/** A signed-in member: the cookie and CSRF token a browser would hold. */
export interface SignedIn {
  memberId: string;
  email: string;
  headers: Record<string, string>;
  /** Injects a request as this member, adding the cookie and the CSRF header. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let counter = 0;

/** Creates a member with the given roles and signs them in. */
export async function signInAs(t: TestApp, roles: Role[], email?: string): Promise<SignedIn> {
  const address = email ?? `member${++counter}-${roles.join('-')}@team.test`;
  const { member } = await createMember(t.db.kysely, SYSTEM_CONTEXT, {
    email: address,
    name: `Test ${roles.join(' ')}`,
    roles,
    password: TEST_PASSWORD,
  });
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: address, password: TEST_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'outpost_session');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const headers = { cookie: `outpost_session=${cookie!.value}`, 'x-csrf-token': csrf };
  return {
    memberId: member.id,
    email: address,
    headers,
    request: (options) => t.app.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } }),
  };
}
