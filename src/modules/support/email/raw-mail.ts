import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../../kernel/ids.js';
import { removeStoredFile, writeStoredFile } from '../attachments/storage.js';

/** Where raw mail lives and how long it is kept (see README, "E-mail"). */
export interface RawMailSettings {
  /** The data folder; raw copies go to `<dataDir>/raw-mail/<yyyy>/<mm>/<id>.eml`. */
  dataDir: string;
  /** Raw copies of mail that became tickets are deleted after this many days (quarantined mail keeps its copy). */
  retentionDays: number;
}

export const DEFAULT_RAW_MAIL_DAYS = 90;
/** The retention pass runs hourly; it deletes at most this many copies per round so one pass stays short. */
export const RAW_MAIL_RETENTION_PASS_MS = 60 * 60 * 1000;
const RETENTION_BATCH = 500;

export function rawMailSettings(env: NodeJS.ProcessEnv = process.env): RawMailSettings {
  const days = Number(env.OUTPOST_RAW_MAIL_DAYS);
  return {
    dataDir: path.resolve(env.OUTPOST_DATA_DIR || 'data'),
    retentionDays:
      env.OUTPOST_RAW_MAIL_DAYS !== undefined && env.OUTPOST_RAW_MAIL_DAYS !== '' && Number.isFinite(days) && days >= 0
        ? days
        : DEFAULT_RAW_MAIL_DAYS,
  };
}

/** Keeps the message exactly as received, before anything reads it, so no parsing step can lose it. */
export async function storeRawMail(dataDir: string, raw: Uint8Array, at: Date): Promise<string> {
  const yyyy = String(at.getUTCFullYear());
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  const storagePath = path.posix.join('raw-mail', yyyy, mm, `${newId()}.eml`);
  await writeStoredFile(dataDir, storagePath, raw);
  return storagePath;
}

/** The raw copy, or null when it is gone (retention, or a data folder restored without it). */
export async function readRawMail(dataDir: string, storagePath: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(path.join(dataDir, storagePath));
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    throw err;
  }
}

export { removeStoredFile as removeRawMail };

/**
 * Deletes the raw copies of mail received more than `retentionDays` ago, except those a
 * quarantined mail still needs (it can only be released from its raw copy). Returns how many.
 */
export async function expireRawMail(
  db: Kysely<Database>,
  settings: RawMailSettings = rawMailSettings(),
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - settings.retentionDays * 24 * 60 * 60 * 1000).toISOString();
  let removed = 0;
  for (;;) {
    const rows = await db
      .selectFrom('inbound_emails')
      .select(['message_id', 'raw_path'])
      .where('raw_path', 'is not', null)
      .where('received_at', '<', cutoff)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('quarantined_emails as q')
              .select('q.id')
              .whereRef('q.raw_path', '=', 'inbound_emails.raw_path')
              .where('q.released_at', 'is', null),
          ),
        ),
      )
      .limit(RETENTION_BATCH)
      .execute();
    for (const row of rows) {
      await removeStoredFile(settings.dataDir, row.raw_path!);
      await db.updateTable('inbound_emails').set({ raw_path: null }).where('message_id', '=', row.message_id).execute();
      await db.updateTable('quarantined_emails').set({ raw_path: null }).where('raw_path', '=', row.raw_path).execute();
      removed++;
    }
    if (rows.length < RETENTION_BATCH) return removed;
  }
}
