import type pg from 'pg';

/**
 * node-postgres emits 'error' on a client whose server goes away, also while the client is checked
 * out and mid-query, where nothing listens: that would end the process the moment a replica dies.
 * The query itself is rejected as well, and the driver retries it on the primary, so the event
 * carries nothing to act on. (Idle clients' errors reach the pool's 'error' event.)
 */
export function quietOnDisconnect(pool: pg.Pool): void {
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
}
