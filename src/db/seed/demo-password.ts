import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { randomSecret } from '../../kernel/secrets.js';
import { MIN_PASSWORD_LENGTH, verifyPassword } from '../../modules/identity/index.js';
import * as team from '../../modules/team/index.js';
import { DEMO_ADMIN_EMAIL } from './demo-data.js';

/** Names the demo members' password instead of a generated one: for tests and scripted demos. */
export const DEMO_PASSWORD_ENV = 'OUTPOST_DEMO_PASSWORD';

/** Where a generated demo password is kept, so that later starts can print it again. */
export function demoPasswordFile(dataDir: string): string {
  return path.join(dataDir, 'demo-password.txt');
}

export interface NewDemoPassword {
  password: string;
  /** The file the generated password was written to; null when OUTPOST_DEMO_PASSWORD chose it. */
  keptIn: string | null;
}

/**
 * The password every member of a new demo workspace gets. A published default would open any demo
 * that listens on a network to whoever read the README, so unless OUTPOST_DEMO_PASSWORD names one
 * it is 12 random bytes (16 base64url characters), written to `<dataDir>/demo-password.txt`
 * readable by its owner only. A password the variable names is the operator's and stays out of the
 * file.
 *
 * @example
 * const { password } = await newDemoPassword(config.dataDir);
 * await seedDemoWorkspace(db, new Date(), { password });
 */
export async function newDemoPassword(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<NewDemoPassword> {
  const chosen = env[DEMO_PASSWORD_ENV];
  if (chosen) {
    if (chosen.length < MIN_PASSWORD_LENGTH) throw new Error(`${DEMO_PASSWORD_ENV} needs at least ${MIN_PASSWORD_LENGTH} characters.`);
    return { password: chosen, keptIn: null };
  }
  const password = randomSecret(12);
  const file = demoPasswordFile(dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  // Removed first so that the 0600 mode applies (writeFile keeps an existing file's mode) and a
  // planted symlink is replaced rather than followed.
  await fs.rm(file, { force: true });
  await fs.writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return { password, keptIn: file };
}

/** The demo password a start can know of: OUTPOST_DEMO_PASSWORD, else the kept one, else undefined. */
export async function knownDemoPassword(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (env[DEMO_PASSWORD_ENV]) return env[DEMO_PASSWORD_ENV];
  try {
    return (await fs.readFile(demoPasswordFile(dataDir), 'utf8')).trim() || undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * The demo admin's password while it still signs them in, for the start-up banner; undefined once
 * the admin has changed it, or when there is no demo admin, so a start never prints a password
 * that does not work.
 */
export async function demoAdminPassword(
  db: Kysely<Database>,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const password = await knownDemoPassword(dataDir, env);
  if (!password) return undefined;
  const admin = await team.findMemberRowByEmail(db, DEMO_ADMIN_EMAIL);
  return admin?.password_hash && (await verifyPassword(password, admin.password_hash)) ? password : undefined;
}
