/** What a failed statement on a replica means for where to send it next. */
export type ReplicaFailure =
  /** The replica refused a write (SQLSTATE 25006): the statement belongs on the primary. */
  | 'write_refused'
  /** The replica is unreachable, shutting down or starting up: skip it until its poll answers again. */
  | 'unavailable'
  /**
   * A hot standby cancelled the read because replaying WAL needed the rows it held (a recovery
   * conflict, SQLSTATE 40001): the replica is fine, this read is simply retried on the primary.
   */
  | 'recovery_conflict';

// Class 08 (connection exceptions), admin/crash shutdown, and "the database system is starting up".
const UNAVAILABLE_SQLSTATES = /^(08...|57P01|57P02|57P03|53300)$/;
// Node's socket errors and node-postgres's own messages for a connection that went away.
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|not queryable/i;

/**
 * Classifies an error a statement got on a replica, or null when it is the statement's own
 * (a syntax error, a constraint): that one would fail on the primary too, so it is not retried.
 */
export function classifyReplicaFailure(err: unknown): ReplicaFailure | null {
  if (!err || typeof err !== 'object') return null;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (code === '25006') return 'write_refused';
  if (code === '40001') return 'recovery_conflict';
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_ERRNOS.has(code))) return 'unavailable';
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return 'unavailable';
  return null;
}
