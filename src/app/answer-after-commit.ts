import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connect.js';

/**
 * SQLite's group commit (src/db/sqlite/group-commit-driver.ts) lets a read run inside a write
 * group whose COMMIT has not happened yet. No answer leaves before that COMMIT: an answer that
 * showed a ticket which a `kill -9` then took away would show something that never existed.
 * A group commits as soon as no transaction waits to join it, so the wait is a fraction of a
 * millisecond; when nothing is pending, nothing waits.
 */
export function installAnswerAfterCommit(app: FastifyInstance, db: Db): void {
  const pendingCommit = db.pendingCommit;
  if (!pendingCommit) return;
  app.addHook('onSend', async (_request, _reply, payload) => {
    // A failed COMMIT fails the answer: what the read saw was never stored.
    await pendingCommit();
    return payload;
  });
}
