import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';

/** mulberry32: a small seeded generator, so the same options write the same export. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class JsonLines {
  private readonly stream: fs.WriteStream;
  constructor(file: string) {
    this.stream = fs.createWriteStream(file);
  }
  async write(value: unknown): Promise<void> {
    if (!this.stream.write(JSON.stringify(value) + '\n')) await once(this.stream, 'drain');
  }
  async raw(line: string): Promise<void> {
    if (!this.stream.write(line + '\n')) await once(this.stream, 'drain');
  }
  async end(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export const WORDS =
  'sso saml login export timeout latency webhook api token invoice billing upgrade migration dashboard report sync ldap certificate backup restore queue deploy cluster'.split(
    ' ',
  );
export const STATUSES = ['closed', 'closed', 'closed', 'closed', 'solved', 'solved', 'open', 'open', 'pending', 'hold', 'new'];
export const CHANNELS = ['email', 'email', 'web', 'web', 'api', 'voice', 'help_center', 'chat'];
export const PRIORITIES = [null, 'low', 'normal', 'normal', 'high', 'urgent'];
export const TYPES = [null, 'question', 'incident', 'problem', 'task'];
export const PLANS = ['basic', 'professional', 'enterprise'];
export const MODULES = ['module_auth', 'module_reports', 'module_api', 'module_billing'];
/** What the generator's parts share: the seeded choices, times and the tally of rows a correct import must skip. */
export interface Generation {
  folder: string;
  rnd: () => number;
  pick: <T>(items: readonly T[]) => T;
  sentence: (words: number) => string;
  at: (day: number, minutes?: number) => string;
  skipped: (kind: string, n?: number) => void;
  file: (name: string) => string;
}

export function generation(folder: string, seed: number, skips: Record<string, number>): Generation {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  return {
    folder,
    rnd,
    pick,
    sentence: (n) => Array.from({ length: n }, () => pick(WORDS)).join(' '),
    at: (day, minutes = 0) => new Date(Date.UTC(2023, 0, 1) + day * 86_400_000 + minutes * 60_000).toISOString().replace('.000Z', 'Z'),
    skipped: (kind, n = 1) => void (skips[kind] = (skips[kind] ?? 0) + n),
    file: (name) => path.join(folder, name),
  };
}
