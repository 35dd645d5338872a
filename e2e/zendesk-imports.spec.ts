import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoHorizontalOverflow, signIn, VIEWPORTS } from './helpers.js';

/** The database the project's server runs on (playwright.config.ts and scripts/e2e-postgres-server.mjs). */
function serverDatabase(project: string): string {
  if (project === 'sqlite') return path.join(os.tmpdir(), 'outpost-e2e.db');
  const url = new URL(process.env.OUTPOST_TEST_POSTGRES_URL!);
  url.pathname = `/${process.env.OUTPOST_E2E_DATABASE ?? 'outpost_e2e'}`;
  return url.toString();
}

let folderName = '';
let dir = '';

test.beforeAll(async () => {
  const info = test.info();
  // An operator's run: generate a small Zendesk export and import it with the command, into the
  // database the server under test is using; the screen then shows the run.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-zd-'));
  folderName = `zendesk-export-${info.project.name}-${Date.now().toString(36)}`;
  const folder = path.join(dir, folderName);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-zendesk-export.ts', '--tickets', '30', '--out', folder]);
  execFileSync(process.execPath, ['dist/src/cli/main.js', 'import', 'zendesk', folder], {
    env: { ...process.env, DATABASE_URL: serverDatabase(info.project.name), OUTPOST_DATA_DIR: path.join(dir, 'data') },
    stdio: 'pipe',
  });
});

test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const viewport of VIEWPORTS) {
  test(`an admin reads what a Zendesk import brought in and what it skipped (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    await page.goto('/admin/imports');
    await expect(page.getByRole('heading', { name: 'Imports' })).toBeVisible();
    const runs = page.getByRole('region', { name: 'Import runs' });
    const row = runs.getByRole('row').filter({ hasText: `zendesk:${folderName}` });
    await expect(row).toBeVisible();
    await expect(row.getByText('Finished')).toBeVisible();
    await row.click();
    await expect(row).toHaveAttribute('aria-selected', 'true');

    const brought = page.getByRole('region', { name: 'What the run brought in' });
    const tickets = brought.getByRole('row').filter({ hasText: /^Tickets/ });
    // 30 generated tickets; the export's odd rows (a deleted ticket, a missing requester, a broken line) are skipped.
    await expect(tickets.getByRole('cell').nth(1)).toHaveText(/^2\d$/);
    await expect(brought.getByRole('row').filter({ hasText: 'Comments' })).toBeVisible();

    const skipped = page.getByRole('region', { name: 'Skipped rows' });
    await expect(skipped.getByRole('cell', { name: 'deleted in Zendesk' }).first()).toBeVisible();
    await expect(skipped.getByRole('cell', { name: 'requester 999999999 is not among the imported users' })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
}
