import { DEFAULT_MAX_LAG_BYTES } from './read-routing.js';

/**
 * `DATABASE_READ_URL`: one or more PostgreSQL URLs, comma-separated; unset or empty for none.
 * Throws a message naming the bad entry, so a typo stops start-up instead of silently reading
 * everything from the primary.
 *
 * @example parseDatabaseReadUrls('postgres://outpost@replica-1/outpost,postgres://outpost@replica-2/outpost')
 */
export function parseDatabaseReadUrls(value: string | undefined): string[] {
  if (!value || value.trim() === '') return [];
  return value.split(',').map((entry, i) => {
    const url = entry.trim();
    const where = `DATABASE_READ_URL entry ${i + 1}`;
    if (url === '') throw new Error(`${where} is empty: give PostgreSQL URLs separated by single commas.`);
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error(`${where} is not a PostgreSQL URL (postgres://user@host:5432/db): ${redacted(url)}`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`${where} is not a valid URL: ${redacted(url)}`);
    }
    if (!parsed.hostname) throw new Error(`${where} names no host: ${redacted(url)}`);
    return url;
  });
}

/** `OUTPOST_REPLICA_MAX_LAG_BYTES`: a whole number of bytes, 0 to turn the limit off. */
export function parseReplicaMaxLagBytes(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_MAX_LAG_BYTES;
  if (!/^\d+$/.test(value.trim()))
    throw new Error(`OUTPOST_REPLICA_MAX_LAG_BYTES must be a whole number of bytes (0 turns the limit off), not ${JSON.stringify(value)}.`);
  return Number(value.trim());
}

// Error messages end up in logs: never print a password.
function redacted(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
