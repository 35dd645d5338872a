import { expect, test } from '@playwright/test';
import { apiCreate, signIn } from './helpers.js';

test('the environment matrix shows fifty accounts a page, with totals over every page', async ({ page }) => {
  await signIn(page);
  // A product of its own, on more accounts than one page holds. The names sort after the demo's
  // accounts, so other journeys' first pages stay as they were.
  const run = Date.now().toString(36).slice(-5);
  const product = `Pager Suite ${run}`;
  await apiCreate(page, '/api/releases', { product, version: '1.0', releasedOn: '2025-01-10' });
  await apiCreate(page, '/api/releases', { product, version: '2.0', releasedOn: '2026-01-10' });
  const names = Array.from({ length: 52 }, (_, i) => `Zz Pager ${run} ${String(i + 1).padStart(2, '0')}`);
  for (const [i, name] of names.entries()) {
    const account = await apiCreate<{ id: string }>(page, '/api/accounts', { name, segment: 'smb' });
    await apiCreate(page, `/api/accounts/${account.id}/environments`, {
      name: 'production',
      product,
      version: i < 2 ? '1.0' : '2.0',
      hosting: 'cloud',
    });
  }

  await page.goto(`/environments?product=${encodeURIComponent(product)}`);
  const matrix = page.getByRole('table', { name: 'Environment matrix' });
  const accountCells = matrix.locator('tbody tr td:first-child a');
  await expect(page.getByText('Page 1 · 50 shown')).toBeVisible();
  await expect(accountCells).toHaveCount(50);
  await expect(accountCells.first()).toHaveText(names[0]!);
  // The totals and the per-release footer count all 52, not the page.
  await expect(page.getByText('at 52 accounts')).toBeVisible();
  await expect(matrix.getByText('Total (52)')).toBeVisible();

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Page 2 · 2 shown')).toBeVisible();
  await expect(page).toHaveURL(/cursor=/);
  await expect(accountCells).toHaveText([names[50]!, names[51]!]);
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();

  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByText('Page 1 · 50 shown')).toBeVisible();
  await expect(accountCells.first()).toHaveText(names[0]!);

  // From page 2, a filter starts again at the first page of what it matches.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Page 2 · 2 shown')).toBeVisible();
  await page.getByLabel('Behind at least').fill('1');
  await expect(accountCells).toHaveText([names[0]!, names[1]!]);
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(page.getByText(/Page \d ·/)).toHaveCount(0);
});
