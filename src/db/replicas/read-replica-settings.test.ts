import { describe, expect, it } from 'vitest';
import { parseDatabaseReadUrls, parseReplicaMaxLagBytes } from './read-replica-settings.js';

describe('DATABASE_READ_URL', () => {
  it('is no replicas when unset or empty', () => {
    expect(parseDatabaseReadUrls(undefined)).toEqual([]);
    expect(parseDatabaseReadUrls('  ')).toEqual([]);
  });

  it('takes one or more PostgreSQL URLs, comma-separated', () => {
    expect(parseDatabaseReadUrls('postgres://outpost@replica-1:5432/outpost')).toEqual(['postgres://outpost@replica-1:5432/outpost']);
    expect(parseDatabaseReadUrls('postgres://a@r1/db, postgresql://a:secret@r2:6432/db?sslmode=require')).toEqual([
      'postgres://a@r1/db',
      'postgresql://a:secret@r2:6432/db?sslmode=require',
    ]);
  });

  it('stops start-up with a message naming the bad entry, without its password', () => {
    expect(() => parseDatabaseReadUrls('postgres://a@r1/db,,postgres://a@r2/db')).toThrow('DATABASE_READ_URL entry 2 is empty');
    expect(() => parseDatabaseReadUrls('mysql://a@r1/db')).toThrow('DATABASE_READ_URL entry 1 is not a PostgreSQL URL');
    expect(() => parseDatabaseReadUrls('replica-1:5432/outpost')).toThrow(/entry 1 is not a PostgreSQL URL/);
    expect(() => parseDatabaseReadUrls('postgres://a:hunter2@r1:notaport/db')).toThrow(
      /entry 1 is not a valid URL: postgres:\/\/a:\*\*\*@r1/,
    );
    expect(() => parseDatabaseReadUrls('postgres://a:hunter2@r1:notaport/db')).not.toThrow(/hunter2/);
  });
});

describe('OUTPOST_REPLICA_MAX_LAG_BYTES', () => {
  it('defaults to 16 MiB, takes whole bytes, and refuses anything else', () => {
    expect(parseReplicaMaxLagBytes(undefined)).toBe(16 * 1024 * 1024);
    expect(parseReplicaMaxLagBytes('0')).toBe(0);
    expect(parseReplicaMaxLagBytes('1048576')).toBe(1048576);
    expect(() => parseReplicaMaxLagBytes('16MB')).toThrow(/whole number of bytes/);
  });
});
