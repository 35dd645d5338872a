import { describe, expect, it } from 'vitest';
import { classifyReplicaFailure } from './replica-errors.js';

const pgError = (code: string, message = 'error') => Object.assign(new Error(message), { code });

describe('what a failure on a replica means', () => {
  it('sends a refused write to the primary', () => {
    expect(classifyReplicaFailure(pgError('25006', 'cannot execute UPDATE in a read-only transaction'))).toBe('write_refused');
  });

  it('takes a replica out of rotation when it is unreachable, stopping or starting', () => {
    for (const code of ['08006', '08001', '57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE'])
      expect(classifyReplicaFailure(pgError(code)), code).toBe('unavailable');
    expect(classifyReplicaFailure(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(classifyReplicaFailure(new Error('timeout exceeded when trying to connect'))).toBe('unavailable');
  });

  it('retries a read a recovery conflict cancelled without blaming the replica', () => {
    expect(classifyReplicaFailure(pgError('40001', 'canceling statement due to conflict with recovery'))).toBe('recovery_conflict');
  });

  it("leaves the statement's own errors alone: they would fail on the primary too", () => {
    for (const code of ['42601', '23505', '22P02', '42P01']) expect(classifyReplicaFailure(pgError(code)), code).toBeNull();
    expect(classifyReplicaFailure(new Error('something else'))).toBeNull();
    expect(classifyReplicaFailure(undefined)).toBeNull();
  });
});
