import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface CheckpointerOptions {
  intervalMs?: number;
}

export interface Checkpointer {
  stop(): Promise<void>;
}

// Plain CommonJS, evaluated in the worker: no loader or build step has to know about this file.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
// A checkpoint reads the log and writes the file directly; a page cache would only add memory.
db.pragma('cache_size = -512');
let stopped = false;
function pass() {
  if (stopped) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
  setTimeout(pass, workerData.intervalMs);
}
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  stopped = true;
  db.close();
  parentPort.postMessage({ stopped: true });
});
setTimeout(pass, workerData.intervalMs);
`;

/**
 * Copies SQLite's write-ahead log back into the database file from a worker thread, so that
 * requests rarely wait for it.
 *
 * By default the connection that commits a write also runs the checkpoint once the log passes
 * 1,000 pages: it copies the pages and syncs both files to disk, inside that request. On the
 * 1M-ticket bench a ticket create dirties ~60 pages, so every 16th create paid for a checkpoint;
 * commits took 1.7 ms on average, against 0.6 ms with this worker.
 *
 * The worker's connection runs a PASSIVE checkpoint every `intervalMs`: it copies what is
 * committed and never blocks the writer. It cannot restart the log, though: only a writer does
 * that, when it finds every page copied. Under sustained writes the worker never quite catches up,
 * so the server's connection keeps a built-in checkpoint at a high mark (see connect.ts); by then
 * the worker has copied nearly everything, the writer's own pass copies the last few pages, and
 * its next write starts the log from the beginning.
 *
 * Durability is unchanged: commits are in the log, and the log is synced before a checkpoint
 * copies it, as with the built-in checkpoints.
 */
export function startCheckpointer(
  file: string,
  options: CheckpointerOptions = {},
  onError: (message: string) => void = () => {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, intervalMs: options.intervalMs ?? 50 },
    // A worker inherits the parent's loader flags (tsx); plain CommonJS needs none of them.
    execArgv: [],
  });
  worker.unref();
  worker.on('message', (message: { error?: string }) => {
    if (message.error) onError(message.error);
  });
  worker.on('error', (err) => onError(err.message));
  return {
    async stop() {
      const stopped = new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('exit', () => resolve());
      });
      worker.postMessage('stop');
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 2000))]);
      await worker.terminate();
    },
  };
}
