import { expect, test } from '@playwright/test';
import { navigate, pick, signIn } from './helpers.js';

test('the audit log shows who changed an account, before and after', async ({ page }) => {
  await signIn(page);
  await page.goto('/accounts?q=umbra');
  await page.getByRole('link', { name: 'Umbra Media' }).click();
  await expect(page.getByRole('heading', { name: 'Umbra Media', level: 2 })).toBeVisible();
  const accountId = page.url().split('/').pop() ?? '';

  await page.getByRole('button', { name: 'Edit account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit account' });
  await pick(dialog, 'Lifecycle stage', 'Expansion');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();

  await navigate(page, 'Audit log');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await page.getByLabel('Record id').fill(accountId);
  const entry = page.getByRole('row').filter({ hasText: 'account.updated' }).first();
  await expect(entry).toContainText('Avery Chen');
  await expect(entry).toContainText('Lifecycle stage:adoption→expansion');
  await expect(entry).toContainText('expansion');

  // Filtering by record type keeps only that kind of record.
  await page.getByLabel('Record id').fill('');
  await pick(page, 'Record type', 'Api token');
  await expect(page).toHaveURL(/recordType=api_token/);
  await expect(page.getByRole('row').filter({ hasText: 'account.updated' })).toHaveCount(0);
});

test('filtering by actor shows sign-ins of that member', async ({ page }) => {
  await signIn(page);
  await page.goto('/admin/audit');
  await pick(page, 'Actor', 'Avery Chen');
  await expect(page.getByRole('row').filter({ hasText: 'session.created' }).first()).toBeVisible();
});
