import { expect, test, type Page } from '@playwright/test';
import { pick, signIn, unique } from './helpers.js';

const PRODUCT = 'Beacon Platform';

async function accountId(page: Page, name: string): Promise<string> {
  const res = await page.request.get(`/api/accounts?q=${encodeURIComponent(name)}`);
  const items = ((await res.json()) as { items: { id: string; name: string }[] }).items;
  return items.find((a) => a.name === name)!.id;
}

async function latestVersion(page: Page): Promise<string> {
  const res = await page.request.get(`/api/releases?product=${encodeURIComponent(PRODUCT)}`);
  return ((await res.json()) as { items: { version: string }[] }).items[0]!.version;
}

test('an implementation engineer registers an old environment, upgrades it in a campaign and sees versions behind drop to zero', async ({
  page,
}) => {
  await signIn(page, 'tomas.herrera@outpost.local');
  const account = 'Copperleaf Foods';
  const envName = unique('prod-eu').replace(' ', '-').toLowerCase();
  const latest = await latestVersion(page);

  // Register the environment on the account page, on an old release.
  await page.goto(`/accounts/${await accountId(page, account)}`);
  const card = page.getByRole('region', { name: 'Environments' });
  await card.getByRole('button', { name: 'Register environment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register environment' });
  await dialog.getByLabel(/^Name/).fill(envName);
  await pick(dialog, 'Product', PRODUCT);
  await pick(dialog, 'Version', '4.3');
  await dialog.getByLabel('Region').fill('eu-west-1');
  await dialog.getByLabel('Configuration (JSON)').fill('{"sso": {"provider": "okta"},');
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expect(dialog.getByText(/Not valid JSON/)).toBeVisible();
  await dialog.getByLabel('Configuration (JSON)').fill('{"sso": {"provider": "okta"}, "pool": 20}');
  await dialog.getByRole('button', { name: 'Register' }).click();

  // The environment page: 4.3 is behind the latest release.
  await expect(page.getByRole('heading', { name: `${account} · ${envName}` })).toBeVisible();
  const overview = page.getByRole('region', { name: 'Overview' });
  await expect(overview.getByTestId('environment-version')).toHaveText('4.3');
  await expect(overview.getByTestId('versions-behind')).toHaveText(/\d+ behind/);
  const before = Number(await overview.getByTestId('versions-behind').getAttribute('data-behind'));
  expect(before).toBeGreaterThanOrEqual(3);
  await expect(overview.getByTestId('last-upgrade')).toHaveText('—');

  // Start a campaign to the latest release whose scope is this environment.
  await page.goto('/campaigns');
  await page.getByRole('button', { name: 'New campaign' }).click();
  const modal = page.getByRole('dialog', { name: 'Start an upgrade campaign' });
  const campaignName = unique(`Move ${envName} to ${latest}`);
  await modal.getByLabel(/^Name/).fill(campaignName);
  await pick(modal, 'Product', PRODUCT);
  await pick(modal, 'Target version', `${latest} (latest)`);
  await modal.getByLabel('Environment names').fill(envName);
  await modal.getByLabel('Environment names').press('Enter');
  await expect(modal.getByTestId('scope-preview')).toContainText('1 environment in scope');
  await expect(modal.getByTestId('scope-preview')).toContainText(`${account} · ${envName} · 4.3`);
  await modal.getByRole('button', { name: 'Add window' }).click();
  await modal.getByLabel('Starts').fill('2030-03-07T22:00');
  await modal.getByLabel('Ends').fill('2030-03-07T21:00');
  await modal.getByRole('button', { name: 'Start campaign' }).click();
  await expect(modal.getByText('A maintenance window must end after it starts')).toBeVisible();
  await modal.getByLabel('Ends').fill('2030-03-08T02:00');
  await modal.getByRole('button', { name: 'Start campaign' }).click();

  // The board: the environment waits in Scheduled; mark it done.
  await expect(page.getByRole('heading', { name: campaignName })).toBeVisible();
  const label = `${account} ${envName}`;
  await expect(page.getByTestId('column-scheduled').getByRole('article', { name: label })).toBeVisible();
  await expect(page.getByTestId('count-scheduled')).toContainText('1');
  await page.getByRole('button', { name: `Move ${label}` }).click();
  await page.getByRole('menuitem', { name: 'In progress' }).click();
  await page.getByRole('dialog').getByLabel('Note').fill('Backup taken, maintenance page up');
  await page.getByRole('button', { name: 'Mark in progress' }).click();
  await expect(page.getByTestId('column-in_progress').getByRole('article', { name: label })).toBeVisible();
  await page.getByRole('button', { name: `Move ${label}` }).click();
  await page.getByRole('menuitem', { name: 'Done' }).click();
  await page.getByRole('dialog').getByLabel('Note').fill('Smoke tests pass');
  await page.getByRole('button', { name: 'Mark done' }).click();
  const doneCard = page.getByTestId('column-done').getByRole('article', { name: label });
  await expect(doneCard).toBeVisible();
  await expect(doneCard).toContainText(`4.3 → ${latest}`);
  await expect(doneCard.getByTestId('versions-behind')).toHaveText('Current');
  await expect(page.getByTestId('percent-done')).toHaveText('100% done');

  // Versions behind is zero on the environment page, the account card and the matrix.
  await doneCard.getByRole('link', { name: account }).click();
  await expect(overview.getByTestId('environment-version')).toHaveText(latest);
  await expect(overview.getByTestId('versions-behind')).toHaveText('Current');
  await expect(overview.getByTestId('last-upgrade')).not.toHaveText('—');
  await expect(page.getByRole('region', { name: 'Upgrade campaigns' })).toContainText(campaignName);
  await page.getByRole('link', { name: account, exact: true }).first().click();
  const row = page.getByRole('region', { name: 'Environments' }).getByTestId(`environment-row-${envName}`);
  await expect(row.getByTestId('versions-behind')).toHaveText('Current');
  await expect(row).toContainText(latest);
  await page.goto(`/environments?product=${encodeURIComponent(PRODUCT)}&name=${envName}`);
  const matrixRow = page.getByTestId(`matrix-row-${account}`);
  await expect(matrixRow.getByRole('link', { name: envName })).toHaveAttribute('data-behind', '0');
  await expect(page.getByTestId('total-current')).toHaveText('1');
});
