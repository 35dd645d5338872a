import { expect, test } from '@playwright/test';
import { navigate, signIn, unique } from './helpers.js';

test('an admin creates an API token, sees the secret once and revokes it', async ({ page }) => {
  await signIn(page);
  await navigate(page, 'API tokens');
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();

  const name = unique('Warehouse sync');
  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create an API token' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('checkbox', { name: 'audit.read' }).check();
  await dialog.getByRole('button', { name: 'Create token' }).click();

  const secret = page.getByRole('dialog', { name: `Token “${name}” created` });
  const token = (await secret.getByTestId('secret-value').textContent())?.trim() ?? '';
  expect(token.length).toBeGreaterThan(20);
  await secret.getByRole('button', { name: 'Done' }).click();

  // The list shows only the prefix, never the secret again.
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('accounts.read');
  await expect(row).toContainText('audit.read');
  await expect(page.getByText(token)).toBeHidden();

  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: 'Revoke' })).toBeHidden();
});

test('a token needs a name and at least one scope', async ({ page }) => {
  await signIn(page);
  await page.goto('/admin/tokens');
  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create an API token' });
  await dialog.getByRole('checkbox', { name: 'accounts.read' }).uncheck();
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect(dialog.getByText('Name the token after the integration that uses it')).toBeVisible();
  await expect(dialog.getByText('Give the token at least one scope')).toBeVisible();
});
