import { describe, expect, it } from 'vitest';
import { formatLsn, parseLsn, parseLsnOrNull } from './lsn.js';

describe('WAL positions', () => {
  it('reads X/Y as the high and low 32 bits, as pg_lsn does', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('16/B374D848')).toBe(0x16_b374d848n);
    expect(parseLsn('FFFFFFFF/FFFFFFFF')).toBe(2n ** 64n - 1n);
  });

  it('orders positions as pg_wal_lsn_diff does, across the 32-bit boundary', () => {
    // 1/0 is one byte past 0/FFFFFFFF: a string or float comparison gets this wrong.
    expect(parseLsn('1/0') - parseLsn('0/FFFFFFFF')).toBe(1n);
    expect(parseLsn('A/0') > parseLsn('9/FFFFFFFF')).toBe(true);
    expect(parseLsn('0/10') > parseLsn('0/F')).toBe(true);
  });

  it('writes positions back the way PostgreSQL prints them', () => {
    for (const text of ['0/0', '0/16B3748', '16/B374D848', 'FFFFFFFF/FFFFFFFF']) expect(formatLsn(parseLsn(text))).toBe(text);
  });

  it('refuses anything that is not a position, and parseLsnOrNull turns it into null', () => {
    for (const bad of ['', '0', '0/', '/0', '1/2/3', 'G/0', '123456789/0', '0/0; drop table', '-1/0']) {
      expect(() => parseLsn(bad)).toThrow(/WAL position/);
      expect(parseLsnOrNull(bad)).toBeNull();
    }
    expect(parseLsnOrNull(undefined)).toBeNull();
    expect(parseLsnOrNull('2/A')).toBe(0x2_0000000an);
  });
});
