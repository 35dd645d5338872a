import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers.js';

test('an admin sees the team overview and the portfolio', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('heading', { name: /Good (morning|afternoon|evening), Avery/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Members by role' })).toContainText('Technical account manager');
  await expect(page.getByText('Active members', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Administration' }).getByRole('link', { name: 'API tokens' })).toBeVisible();
});

test('a technical account manager sees their own accounts and renewals', async ({ page }) => {
  await signIn(page, 'hannah.mueller@outpost.local');
  await expect(page.getByText('Technical account manager').first()).toBeVisible();
  const mine = page.getByRole('region', { name: 'My accounts' });
  await expect(mine.getByRole('row').nth(1)).toBeVisible();
  expect(await mine.locator('tbody tr').count()).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: 'Upcoming renewals' })).toBeVisible();
  await expect(page.getByText('Renewals ≤ 90 days')).toBeVisible();
  // Not an admin: no team overview, no admin navigation.
  await expect(page.getByRole('region', { name: 'Members by role' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText('Admin')).toBeHidden();

  await mine.getByRole('link', { name: 'Open in accounts list' }).click();
  await expect(page).toHaveURL(/\/accounts\?owner=/);
});

test('a stakeholder sees a read-only portfolio summary', async ({ page }) => {
  await signIn(page, 'ravi.patel@outpost.local');
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
  await expect(page.getByText('Read-only')).toBeVisible();
  await expect(page.getByRole('region', { name: 'My accounts' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'ARR by segment' })).toBeVisible();

  await page.goto('/accounts');
  await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New account' })).toBeHidden();
  await page.getByRole('table').locator('tbody tr td:first-child a').first().click();
  await expect(page.getByRole('region', { name: 'Relationship depth' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log interaction' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add contact' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit account' })).toBeHidden();
});

test('a support engineer lands on their accounts', async ({ page }) => {
  await signIn(page, 'marcus.bell@outpost.local');
  await expect(page.getByText('Support engineer, Tier 1').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'My accounts' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeHidden();
});

test('signed-out visitors are sent to sign in and brought back afterwards', async ({ page }) => {
  await page.goto('/team');
  await expect(page).toHaveURL(/\/sign-in\?from=%2Fteam/);
  await page.getByLabel('E-mail').fill('admin@outpost.local');
  await page.getByLabel('Password', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The e-mail or password is not right.');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/team$/);
  await expect(page.getByRole('heading', { name: 'Team directory' })).toBeVisible();
});
