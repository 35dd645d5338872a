import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoPasswordFile, knownDemoPassword, newDemoPassword } from './demo-password.js';

describe('the demo password', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'outpost-demo-password-'));
  });
  afterEach(async () => fs.rm(dataDir, { recursive: true, force: true }));

  it('is a new random one for every fresh demo workspace', async () => {
    const first = await newDemoPassword(path.join(dataDir, 'one'), {});
    const second = await newDemoPassword(path.join(dataDir, 'two'), {});
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(second.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(second.password).not.toBe(first.password);
    expect(first.password).not.toBe('outpost-demo');
  });

  it('is kept in <data dir>/demo-password.txt, readable by its owner only', async () => {
    const folder = path.join(dataDir, 'not-yet-made');
    const { password, keptIn } = await newDemoPassword(folder, {});
    expect(keptIn).toBe(path.join(folder, 'demo-password.txt'));
    expect((await fs.readFile(keptIn!, 'utf8')).trim()).toBe(password);
    expect((await fs.stat(keptIn!)).mode & 0o777).toBe(0o600);
    expect(await knownDemoPassword(folder, {})).toBe(password);
  });

  it('replaces a kept password from an earlier workspace and tightens a loose file', async () => {
    await fs.writeFile(demoPasswordFile(dataDir), 'an-older-password\n', { mode: 0o644 });
    const { password } = await newDemoPassword(dataDir, {});
    expect(await knownDemoPassword(dataDir, {})).toBe(password);
    expect((await fs.stat(demoPasswordFile(dataDir))).mode & 0o777).toBe(0o600);
  });

  it('is the one OUTPOST_DEMO_PASSWORD names, which stays out of the data folder', async () => {
    const env = { OUTPOST_DEMO_PASSWORD: 'scripted-demo-password' };
    expect(await newDemoPassword(dataDir, env)).toEqual({ password: 'scripted-demo-password', keptIn: null });
    await expect(fs.access(demoPasswordFile(dataDir))).rejects.toThrow();
    expect(await knownDemoPassword(dataDir, env)).toBe('scripted-demo-password');
  });

  it('refuses an OUTPOST_DEMO_PASSWORD shorter than any other password may be', async () => {
    await expect(newDemoPassword(dataDir, { OUTPOST_DEMO_PASSWORD: 'short' })).rejects.toThrow(/at least 10 characters/);
  });

  it('is unknown to a start that has neither the variable nor the file', async () => {
    expect(await knownDemoPassword(dataDir, {})).toBeUndefined();
  });
});
