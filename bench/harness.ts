/**
 * What the bench scripts share: starting the workbench (or the baseline server) as a child process
 * on 127.0.0.1, reading a child's CPU time and peak memory, and signing in a member and a portal
 * contact of the bench dataset. Used by bench/run.ts and bench/capacity.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_ADMIN_EMAIL, BENCH_PASSWORD, BENCH_PORTAL_EMAIL } from '../src/db/seed/bench-dataset.js';
import { round } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const children: ChildProcess[] = [];
export function stopChildren() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null && child.pid) child.kill('SIGTERM');
}

export function freePort(offset: number): number {
  return 20_000 + ((process.pid * 7 + offset) % 20_000);
}

/** Starts an entry point (TypeScript under tsx, or built JavaScript) as a child process and waits for it to answer. */
export async function startChild(
  name: string,
  entry: string,
  childArgs: string[],
  env: NodeJS.ProcessEnv,
  readyUrl: string,
  nodeArgs: string[] = [],
): Promise<ChildProcess> {
  // TypeScript entries run under tsx; a built entry (dist/…/*.js) runs as production runs it.
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, entry, ...childArgs], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(readyUrl);
      if (res.status < 500) return child;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${name} did not start within 120 s:\n${output}`);
}

/** The peak resident set of a process we started (Linux). */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? /VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return round(kb / 1024, 1);
}

/** CPU seconds a process has used (Linux /proc/<pid>/stat: utime + stime, in clock ticks). */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until the server is idle: at start it refreshes every account's relationship depth in
 * the background, which would otherwise be measured as part of the first endpoints' latency.
 */
export async function waitForIdle(pid: number, limitMs = 180_000): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  let before = cpuSeconds(pid);
  while (Date.now() - started < limitMs && quiet < 2) {
    await sleep(1000);
    const now = cpuSeconds(pid);
    quiet = now - before < 0.05 ? quiet + 1 : 0;
    before = now;
  }
  return Date.now() - started;
}

/** Request headers of a signed-in caller: the session cookie, and the CSRF token members' writes need. */
export type CallerHeaders = Record<string, string>;

/** Signs in the bench dataset's admin (a member) and its portal contact. */
export async function signInBenchUsers(base: string): Promise<{ member: CallerHeaders; portal: CallerHeaders }> {
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_ADMIN_EMAIL, password: BENCH_PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const member = {
    cookie: sessionCookie(signIn),
    'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken,
  };
  const portalSignIn = await fetch(`${base}/api/portal/sign-in/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_PORTAL_EMAIL, password: BENCH_PASSWORD }),
  });
  if (!portalSignIn.ok) throw new Error(`portal sign-in failed: ${portalSignIn.status} ${await portalSignIn.text()}`);
  return { member, portal: { cookie: sessionCookie(portalSignIn) } };
}

function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
