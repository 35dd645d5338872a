import { expect, test, type Page } from '@playwright/test';
import { apiCreate, pick, signIn, unique } from './helpers.js';

const PRODUCT = 'Beacon Platform';

async function accountWithContact(page: Page, name: string): Promise<{ id: string; contactId: string; contactName: string }> {
  const accounts = (
    (await (await page.request.get(`/api/accounts?q=${encodeURIComponent(name)}`)).json()) as { items: { id: string; name: string }[] }
  ).items;
  const id = accounts.find((a) => a.name === name)!.id;
  const contacts = ((await (await page.request.get(`/api/accounts/${id}/contacts`)).json()) as { items: { id: string; name: string }[] })
    .items;
  return { id, contactId: contacts[0]!.id, contactName: contacts[0]!.name };
}

test('a failed upgrade opens a ticket linked to the environment, shown on the board and the environment page', async ({ page }) => {
  await signIn(page, 'elena.petrova@outpost.local');
  const account = 'Driftwood Hotels';
  const { id, contactId, contactName } = await accountWithContact(page, account);
  const envName = unique('prod-fail').replace(' ', '-').toLowerCase();
  const latest = (
    (await (await page.request.get(`/api/releases?product=${encodeURIComponent(PRODUCT)}`)).json()) as { items: { version: string }[] }
  ).items[0]!.version;
  await apiCreate<{ id: string }>(page, `/api/accounts/${id}/environments`, {
    name: envName,
    product: PRODUCT,
    version: '4.5',
    hosting: 'on_premises',
    contactIds: [contactId],
  });
  const campaign = await apiCreate<{ id: string; name: string }>(page, '/api/campaigns', {
    name: unique('Failing upgrade'),
    product: PRODUCT,
    targetVersion: latest,
    filters: { names: [envName], accountIds: [id] },
  });

  await page.goto(`/campaigns/${campaign.id}`);
  const label = `${account} ${envName}`;
  await page.getByRole('button', { name: `Move ${label}` }).click();
  await page.getByRole('menuitem', { name: 'Failed' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('A support ticket linked to this environment will be opened');
  await dialog.getByLabel('Note').fill('Database migration stopped at step 14: PostgreSQL 12 is unsupported');
  await dialog.getByRole('button', { name: 'Mark failed' }).click();
  const card = page.getByTestId('column-failed').getByRole('article', { name: label });
  await expect(card).toContainText('PostgreSQL 12 is unsupported');
  await expect(card.getByRole('link', { name: /^Ticket #\d+/ })).toBeVisible();
  await expect(page.getByTestId('count-failed')).toContainText('1');

  // The environment keeps its version, and its page lists the ticket.
  await card.getByRole('link', { name: account }).click();
  await expect(page.getByRole('region', { name: 'Overview' }).getByTestId('environment-version')).toHaveText('4.5');
  const tickets = page.getByRole('region', { name: 'Linked tickets' });
  const subject = `Upgrade to ${latest} failed on ${account} ${envName}`;
  await expect(tickets.getByRole('link', { name: new RegExp(subject) })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Upgrade campaigns' })).toContainText('Failed');

  // The ticket is the account's, from the environment's responsible contact.
  await tickets.getByRole('link', { name: new RegExp(subject) }).click();
  await expect(page.getByRole('heading', { name: new RegExp(subject) })).toBeVisible();
  await expect(page.getByText(contactName).first()).toBeVisible();
});

test('the environment matrix filters by product, segment, hosting, name and versions behind', async ({ page }) => {
  await signIn(page, 'tomas.herrera@outpost.local');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Environments', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Environments', level: 2 })).toBeVisible();
  const matrix = page.getByRole('table', { name: 'Environment matrix' });
  await expect(matrix.getByRole('columnheader', { name: '4.8' })).toBeVisible();
  const chips = matrix.locator('a[data-behind]');
  await expect(chips.first()).toBeVisible();
  const all = await chips.count();
  // Mixed colours: some current, some far behind.
  expect(await matrix.locator('a[data-behind="0"]').count()).toBeGreaterThan(0);

  await page.getByLabel('Behind at least').fill('3');
  await expect(page.getByTestId('total-current')).toHaveText('0');
  const behind: number[] = [];
  for (let i = 0; i < (await chips.count()); i++) behind.push(Number(await chips.nth(i).getAttribute('data-behind')));
  expect(behind.length).toBeGreaterThan(0);
  expect(behind.length).toBeLessThan(all);
  expect(behind.every((n) => n >= 3)).toBe(true);

  await page.getByLabel('Behind at least').fill('');
  await page.getByLabel('Environment name').fill('staging');
  await expect.poll(async () => [...new Set(await chips.allTextContents())]).toEqual(['staging']);

  await page.getByLabel('Environment name').fill('');
  await pick(page, 'Segment', 'SMB');
  await page.keyboard.press('Escape');
  const rows = matrix.getByRole('row').filter({ has: page.locator('a[data-behind]') });
  await expect
    .poll(async () => {
      const segments: string[] = [];
      for (let i = 0; i < (await rows.count()); i++) segments.push((await rows.nth(i).getByRole('cell').first().textContent()) ?? '');
      return segments.length > 0 && segments.every((t) => t.includes('SMB'));
    })
    .toBe(true);

  // Another product: the connector's own releases become the columns.
  await pick(page, 'Product', 'Beacon Edge Connector');
  await expect(matrix.getByRole('columnheader', { name: '3.0' })).toBeVisible();
  await expect(matrix.getByRole('columnheader', { name: '4.8' })).toHaveCount(0);
});
