import { expect, test, type Page } from '@playwright/test';
import { pick, signIn } from './helpers.js';

const rows = (page: Page) => page.getByRole('table').locator('tbody tr');
const firstColumn = (page: Page) => rows(page).locator('td:first-child a');

test.beforeEach(async ({ page }) => {
  await signIn(page);
  await page.goto('/accounts');
  await expect(rows(page).first()).toBeVisible();
});

test('searching narrows the list and the search is kept in the address', async ({ page }) => {
  await page.getByLabel('Search').fill('umbra');
  await expect(firstColumn(page)).toHaveText(['Umbra Media']);
  await expect(page).toHaveURL(/q=umbra/);

  await page.reload();
  await expect(page.getByLabel('Search')).toHaveValue('umbra');
  await expect(firstColumn(page)).toHaveText(['Umbra Media']);

  await page.getByLabel('Search').fill('no-such-customer-anywhere');
  await expect(page.getByText('No accounts match these filters')).toBeVisible();
});

test('following a row while a search is still pending opens that account, not the list again', async ({ page }) => {
  const link = firstColumn(page).first();
  const name = (await link.textContent())!;
  await page.getByLabel('Search').pressSequentially('zz', { delay: 20 });
  await link.click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await page.waitForTimeout(600);
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]+$/);
});

test('filters by segment and relationship', async ({ page }) => {
  await pick(page, 'Segment', 'Strategic');
  await expect(page).toHaveURL(/segment=strategic/);
  await expect(rows(page).locator('td:nth-child(2)').first()).toHaveText('Strategic');
  const segments = await rows(page).locator('td:nth-child(2)').allTextContents();
  expect(new Set(segments)).toEqual(new Set(['Strategic']));

  await pick(page, 'Relationship', 'Engaged');
  await expect(page).toHaveURL(/relationship=engaged/);
  await expect(rows(page).locator('td:nth-child(6)').first()).toHaveText('Engaged');
  const relationships = await rows(page).locator('td:nth-child(6)').allTextContents();
  expect(new Set(relationships)).toEqual(new Set(['Engaged']));

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/segment=/);
});

test('filters by team member', async ({ page }) => {
  await pick(page, 'Team member', 'Hannah Müller');
  await expect(page).toHaveURL(/owner=/);
  await expect(rows(page).locator('td:nth-child(7)').first()).toBeVisible();
  const managers = await rows(page).locator('td:nth-child(7)').allTextContents();
  expect(managers.length).toBeGreaterThan(0);
});

test('sorts by ARR and renewal date', async ({ page }) => {
  const arrHeader = page.getByRole('columnheader', { name: 'ARR' });
  await arrHeader.getByRole('button').click();
  await expect(arrHeader).toHaveAttribute('aria-sort', 'ascending');
  await arrHeader.getByRole('button').click();
  await expect(arrHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=arr&order=desc/);

  const amounts = (await rows(page).locator('td:nth-child(4)').allTextContents()).map((t) => Number(t.replace(/[^0-9]/g, '')));
  expect(amounts.length).toBeGreaterThan(1);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

  await page.getByRole('columnheader', { name: 'Renewal' }).getByRole('button').click();
  await expect(page).toHaveURL(/sort=renewal_date&order=asc/);
});

test('pages through the list with a cursor', async ({ page }) => {
  await expect(page.getByText(/Page 1 · 25 shown/)).toBeVisible();
  const firstPage = await firstColumn(page).allTextContents();

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/Page 2 ·/)).toBeVisible();
  await expect(page).toHaveURL(/cursor=/);
  await expect(firstColumn(page).first()).not.toHaveText(firstPage[0]!);
  const secondPage = await firstColumn(page).allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);

  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByText(/Page 1 · 25 shown/)).toBeVisible();
  await expect(firstColumn(page)).toHaveText(firstPage);
});

test('opens an account from the list', async ({ page }) => {
  await firstColumn(page).first().click();
  await expect(page).toHaveURL(/\/accounts\/[\w-]+$/);
  await expect(page.getByRole('region', { name: 'Relationship depth' })).toBeVisible();
});
