/**
 * PostgreSQL WAL positions (`pg_lsn`, written `X/Y`: the high and low 32 bits in hex) as bigints,
 * so that `a >= b` in JavaScript means what `pg_wal_lsn_diff(a, b) >= 0` means in SQL.
 *
 * @example parseLsn('16/B374D848') === 0x16_B374D848n
 */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (!match) throw new Error(`Not a WAL position (expected X/Y in hex): ${JSON.stringify(text)}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** `parseLsn`, or null for anything else (a cookie a client may have edited). */
export function parseLsnOrNull(text: string | null | undefined): bigint | null {
  if (!text) return null;
  try {
    return parseLsn(text);
  } catch {
    return null;
  }
}

/** The `X/Y` spelling PostgreSQL uses (upper-case hex, no leading zeros). */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
