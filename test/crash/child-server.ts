import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY_TIMEOUT_MS = 30_000;
const OUTPUT_KEPT_CHARS = 4_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on right now, on loopback. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `outpost serve` running as a child process of the test, on loopback. */
export interface ChildServer {
  pid: number;
  url: string;
  smtpPort: number;
  alive(): boolean;
  /** kill -9: no shutdown hook runs, in-flight requests and open transactions die with it. */
  crash(): Promise<void>;
  /** SIGTERM (the server's graceful stop), then SIGKILL if it is still there after a few seconds. */
  stop(): Promise<void>;
  /** The tail of its stdout and stderr, for failure messages. */
  output(): string;
}

export interface ChildServerOptions {
  databaseUrl: string;
  dataDir: string;
  idempotencyLeaseMs: number;
}

/** Every child the tests started and has not seen exit: afterAll kills what is left. */
const running = new Set<ChildServer>();

export async function killLeftoverChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.crash()));
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function isReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1_000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts `node --import tsx src/cli/main.ts serve` on fresh loopback ports (HTTP and the SMTP
 * listener) and waits until both answer: /readyz reaches the database, and the listener accepts.
 */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const [port, smtpPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NODE_ENV: 'test',
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    OUTPOST_DATA_DIR: options.dataDir,
    OUTPOST_WEB_ROOT: '/nonexistent',
    OUTPOST_SMTP_LISTEN_PORT: String(smtpPort),
    OUTPOST_SMTP_LISTEN_HOST: '127.0.0.1',
    OUTPOST_IDEMPOTENCY_LEASE_MS: String(options.idempotencyLeaseMs),
    LOG_LEVEL: 'warn',
  };
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (proc.pid === undefined) throw new Error('The server process did not start');
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_KEPT_CHARS));
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      exited = true;
      running.delete(child);
      resolve();
    }),
  );

  const child: ChildServer = {
    pid: proc.pid,
    url: `http://127.0.0.1:${port}`,
    smtpPort,
    alive: () => !exited,
    crash: async () => {
      if (exited) return;
      process.kill(proc.pid!, 'SIGKILL');
      await exit;
    },
    stop: async () => {
      if (exited) return;
      process.kill(proc.pid!, 'SIGTERM');
      const stopped = await Promise.race([exit.then(() => true), sleep(5_000).then(() => false)]);
      if (!stopped) await child.crash();
    },
    output: () => output,
  };
  running.add(child);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!((await isReady(child.url)) && (await canConnect(smtpPort)))) {
    if (exited) throw new Error(`The server exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      await child.crash();
      throw new Error(`The server was not ready after ${READY_TIMEOUT_MS} ms:\n${output}`);
    }
    await sleep(100);
  }
  return child;
}
