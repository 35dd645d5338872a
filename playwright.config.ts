import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { DEMO_PASSWORD } from './e2e/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
if (!fs.existsSync(CHROMIUM)) {
  throw new Error(`End-to-end tests drive the system Chromium at ${CHROMIUM}; install the Debian package "chromium".`);
}

const PORT = 3100;
const POSTGRES_PORT = 3101;
// Every spec runs on the embedded SQLite database and, when a PostgreSQL is named (npm test and
// CI name one), on PostgreSQL too.
const postgresUrl = process.env.OUTPOST_TEST_POSTGRES_URL;
// Outbound mail goes to an SMTP sink the portal specs start on their project's port (see
// `smtpSinkPort` in e2e/helpers.ts); e-mailed links point at the project's own server.
const SMTP_SINK = { sqlite: 2601, postgres: 2602 };
// A fresh database per run: the demo seed only runs on an empty one. Worker processes load this
// file too, while the server is using the database, so only the runner deletes it.
const database = path.join(os.tmpdir(), 'outpost-e2e.db');
if (process.env.TEST_WORKER_INDEX === undefined) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database + suffix, { force: true });
}

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  // One retry: on a loaded 2-core machine a screen now and then misses a timing the test expects
  // (a dropdown opening mid-transition). A test that fails twice fails the run; a retried one is
  // listed as flaky in the report.
  retries: 1,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    { name: 'sqlite', use: { baseURL: `http://127.0.0.1:${PORT}` } },
    ...(postgresUrl ? [{ name: 'postgres', use: { baseURL: `http://127.0.0.1:${POSTGRES_PORT}` } }] : []),
  ],
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: 'node dist/src/cli/main.js serve --seed-demo',
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: database,
        PORT: String(PORT),
        LOG_LEVEL: 'warn',
        OUTPOST_SIGN_IN_LIMIT: '1000',
        OUTPOST_DEMO_PASSWORD: DEMO_PASSWORD,
        OUTPOST_SMTP_URL: `smtp://127.0.0.1:${SMTP_SINK.sqlite}`,
        OUTPOST_PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    ...(postgresUrl
      ? [
          {
            command: 'node scripts/e2e-postgres-server.mjs',
            url: `http://127.0.0.1:${POSTGRES_PORT}/healthz`,
            reuseExistingServer: false,
            timeout: 180_000,
            env: {
              OUTPOST_TEST_POSTGRES_URL: postgresUrl,
              PORT: String(POSTGRES_PORT),
              LOG_LEVEL: 'warn',
              OUTPOST_SIGN_IN_LIMIT: '1000',
              OUTPOST_DEMO_PASSWORD: DEMO_PASSWORD,
              OUTPOST_SMTP_URL: `smtp://127.0.0.1:${SMTP_SINK.postgres}`,
              OUTPOST_PUBLIC_URL: `http://127.0.0.1:${POSTGRES_PORT}`,
            },
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
});
