import { randomBytes } from 'node:crypto';
import { buildServer } from '../../src/app/server.js';
import { loadConfig } from '../../src/app/config.js';
import { connect } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { SYSTEM_CONTEXT } from '../../src/kernel/actor.js';
import { createMember } from '../../src/modules/team/members/member-service.js';
import { secretBoxFromKey } from '../../src/modules/platform/webhooks/secret-box.js';
import { createAccountViaService, createContactViaService } from '../factories/index.js';

const ADMIN_EMAIL = 'lead@crash.test';
const ADMIN_PASSWORD = 'correct horse battery';

/** What the burst needs from the workspace: an API token, and the contact tickets and mail come from. */
export interface CrashWorkspace {
  token: string;
  contactId: string;
  contactEmail: string;
}

/**
 * Migrates the database and fills in what the server child will be asked for: an admin, an
 * account with a contact, and an API token (tickets and e-mail intake) the admin creates through
 * the API, as an integration's would be. The connection is closed before the child starts.
 */
export async function prepareCrashWorkspace(databaseUrl: string, dataDir: string): Promise<CrashWorkspace> {
  const db = connect(databaseUrl);
  try {
    await migrateToLatest(db);
    await createMember(db.kysely, SYSTEM_CONTEXT, { email: ADMIN_EMAIL, name: 'Support lead', roles: ['admin'], password: ADMIN_PASSWORD });
    const account = await createAccountViaService(db, { name: 'Crash Test Inc', domains: ['crash.test'], segment: 'enterprise' });
    const contact = await createContactViaService(db, account.id, { name: 'Crash Requester', email: 'requester@crash.test' });

    const app = await buildServer({
      db,
      config: { ...loadConfig({}), webRoot: '/nonexistent', dataDir },
      logger: false,
      secretBox: secretBoxFromKey(randomBytes(32)),
    });
    try {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      });
      if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.body}`);
      const cookie = signIn.cookies.find((c) => c.name === 'outpost_session')!;
      const made = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: `outpost_session=${cookie.value}`, 'x-csrf-token': (signIn.json() as { csrfToken: string }).csrfToken },
        payload: { name: 'Crash test integration', scopes: ['tickets.read', 'tickets.write', 'email.ingest'] },
      });
      if (made.statusCode !== 201) throw new Error(`token creation failed: ${made.body}`);
      return { token: (made.json() as { token: string }).token, contactId: contact.id, contactEmail: contact.email };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}
