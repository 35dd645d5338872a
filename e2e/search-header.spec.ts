import { expect, test } from '@playwright/test';
import { signIn } from './helpers.js';

test('the header search finds a demo ticket by a word of its subject, highlights the word and filters by type', async ({ page }) => {
  await signIn(page);
  // From any page: the box sits in the shell's header.
  await page.goto('/accounts');
  const box = page.getByRole('search').getByLabel('Find tickets, accounts and articles');
  await box.fill('loops');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=loops/);
  await expect(page.getByRole('heading', { name: 'Search', level: 2 })).toBeVisible();

  const results = page.getByRole('list', { name: 'Search results' });
  const hit = results.getByRole('listitem').filter({ hasText: 'SSO login loops back to the sign-in page' }).first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/^loops$/i);

  // Facet chips carry the counts per type; picking one narrows the list to that type.
  const types = page.getByRole('group', { name: 'Result types' });
  await expect(types.getByText(/^Tickets · \d+/)).toBeVisible();
  await page.getByRole('search').getByLabel('Find tickets, accounts and articles').fill('password');
  await page.getByRole('search').getByLabel('Find tickets, accounts and articles').press('Enter');
  await expect(results.getByRole('listitem').first()).toBeVisible();
  await types.getByText(/^Articles · [1-9]/).click();
  await expect(page).toHaveURL(/type=article/);
  await expect(results.getByRole('listitem').filter({ hasText: 'Password reset e-mails are not arriving' })).toBeVisible();
  const badges = await results.getByRole('listitem').allTextContents();
  expect(badges.length).toBeGreaterThan(0);
  for (const text of badges) expect(text).toContain('Article');
  await results.getByRole('link', { name: 'Password reset e-mails are not arriving' }).click();
  await expect(page).toHaveURL(/\/knowledge\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Password reset e-mails are not arriving', level: 2 })).toBeVisible();

  // Back to tickets only; a ticket result opens the ticket.
  await page.goto('/search?q=loops&type=ticket');
  await results
    .getByRole('link', { name: /SSO login loops back/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/tickets\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 2, name: /SSO login loops back to the sign-in page/ })).toBeVisible();
});

test('a search that matches nothing says so', async ({ page }) => {
  await signIn(page);
  await page.goto('/search?q=qwzxv');
  await expect(page.getByText('Nothing matches “qwzxv”')).toBeVisible();
  await expect(page.getByRole('search').getByLabel('Find tickets, accounts and articles')).toHaveValue('qwzxv');
});
