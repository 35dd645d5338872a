/**
 * A counting TCP relay between the workbench and PostgreSQL, for bench/capacity.ts: the server's
 * DATABASE_URL points here, and every byte is passed on unchanged while the relay reads the
 * message headers of the wire protocol (https://www.postgresql.org/docs/15/protocol-message-formats.html).
 *
 * Why a relay and not pg_stat_statements: that extension must be preloaded, which means a server
 * restart, and pg_stat_database counts transactions, not the statements inside them. The relay
 * sees each statement the server sends (an Execute, or a simple Query such as `begin`), each round
 * trip (the client waits for ReadyForQuery), the time the server waited for its answers, and the
 * process id of every backend serving it (BackendKeyData), so their CPU can be read from /proc.
 */
import net from 'node:net';

export interface WireCounts {
  /** Statements sent: extended-protocol Executes plus simple Queries (`begin`, `commit`, …). */
  statements: number;
  /** Requests that waited for ReadyForQuery: one per statement for node-postgres, which does not pipeline. */
  roundTrips: number;
  /** Wall time from a request's first byte to its ReadyForQuery, summed over connections (ms). */
  waitMs: number;
  /** Backend connections opened (pool growth, pg-boss, LISTEN). */
  connections: number;
}

export interface PgWireMeter {
  port: number;
  counts(): WireCounts;
  /** Process ids of the backends serving the relay's open connections. */
  backendPids(): ReadonlySet<number>;
  close(): Promise<void>;
}

/** Frontend message types that carry one statement each. */
const EXECUTE = 0x45; // 'E'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
/** Backend message types the relay reads. */
const READY_FOR_QUERY = 0x5a; // 'Z'
const BACKEND_KEY_DATA = 0x4b; // 'K'

/**
 * Splits a byte stream into protocol messages (1-byte type, 4-byte length that counts itself) and
 * calls `onMessage` with each type and body. `untypedFirst`: the client's startup message has no
 * type byte.
 */
function messageReader(untypedFirst: boolean, onMessage: (type: number, body: Buffer) => void) {
  let pending: Buffer = Buffer.alloc(0);
  let awaitingStartup = untypedFirst;
  return (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (awaitingStartup) {
        if (pending.length < 4) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        pending = pending.subarray(length);
        awaitingStartup = false;
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      onMessage(pending[0]!, pending.subarray(5, 1 + length));
      pending = pending.subarray(1 + length);
    }
  };
}

/**
 * Listens on a free 127.0.0.1 port and relays to `target`. `onBackendEnding` is called with a
 * backend's pid when its client says Terminate, before the message is passed on, so that the
 * caller can read the CPU the backend used before it exits.
 */
export async function startPgWireMeter(
  target: { host: string; port: number },
  onBackendEnding: (pid: number) => void,
): Promise<PgWireMeter> {
  const counts: WireCounts = { statements: 0, roundTrips: 0, waitMs: 0, connections: 0 };
  const pids = new Set<number>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    counts.connections++;
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let backendPid = 0;
    let waitingSince = 0;
    client.on(
      'data',
      messageReader(true, (type) => {
        if (type === EXECUTE || type === QUERY) counts.statements++;
        if (type === TERMINATE && backendPid) {
          onBackendEnding(backendPid);
          pids.delete(backendPid);
        }
      }),
    );
    // The first byte of a request starts its wait; a request is sent in one write by node-postgres.
    client.on('data', () => {
      if (!waitingSince) waitingSince = performance.now();
    });
    upstream.on(
      'data',
      messageReader(false, (type, body) => {
        if (type === BACKEND_KEY_DATA) {
          backendPid = body.readInt32BE(0);
          pids.add(backendPid);
        } else if (type === READY_FOR_QUERY && waitingSince) {
          counts.roundTrips++;
          counts.waitMs += performance.now() - waitingSince;
          waitingSince = 0;
        }
      }),
    );
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the wire meter did not get a port');
  return {
    port: address.port,
    counts: () => ({ ...counts }),
    backendPids: () => pids,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
