import { expect, test } from '@playwright/test';
import { signIn } from './helpers.js';

test.beforeEach(async ({ page }) => {
  await signIn(page);
  await page.goto('/accounts');
  await page.getByRole('button', { name: 'New account' }).click();
});

test('a duplicate account name is reported under the name field', async ({ page }) => {
  const dialog = page.getByRole('dialog', { name: 'New account' });
  await dialog.getByLabel('Name').fill('Umbra Media');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog.getByText('An account with this name already exists.')).toBeVisible();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
});

test('an invalid e-mail domain is reported under the domains field', async ({ page }) => {
  const dialog = page.getByRole('dialog', { name: 'New account' });
  await dialog.getByLabel('Name').fill('Domainless Inc');
  await dialog.getByLabel('E-mail domains').fill('not_a_domain');
  await dialog.getByLabel('E-mail domains').press('Enter');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog.getByText('Use a bare domain such as example.com')).toBeVisible();
  // Nothing was created: the dialog stays open for the fix.
  await expect(dialog).toBeVisible();
});

test('an empty name is caught before the request', async ({ page }) => {
  const dialog = page.getByRole('dialog', { name: 'New account' });
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog.getByText('Enter the account’s name')).toBeVisible();
});
