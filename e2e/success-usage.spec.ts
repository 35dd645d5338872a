import { expect, test, type Page } from '@playwright/test';
import { apiCreate, signIn, unique } from './helpers.js';

/**
 * Issue 15, usage intake and adoption: an admin sets an account's licences on the account page,
 * the product posts usage through the API with a usage:write token, and the adoption card shows
 * the new feature adoption, seat utilisation and chart, and the health card's adoption driver moves — on a desktop (1440 px) and a phone (390 px).
 */

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate<number>(`(() => {
    const doc = document.documentElement;
    const main = document.querySelector('main');
    return Math.max(doc.scrollWidth - doc.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  })()`);
  expect(overflow).toBeLessThanOrEqual(1);
}

for (const viewport of VIEWPORTS) {
  test(`usage posted with an API token moves the adoption card (${viewport.name})`, async ({ page, request }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
    const domain = `usage-${tag}.test`;
    const account = await apiCreate<{ id: string }>(page, '/api/accounts', {
      name: unique('Usage Co'),
      domains: [domain],
      segment: 'mid_market',
    });
    const { token } = await apiCreate<{ token: string }>(page, '/api/tokens', { name: `Product ${tag}`, scopes: ['usage:write'] });

    await page.goto(`/accounts/${account.id}`);
    const card = page.getByRole('region', { name: 'Adoption' });
    await expect(card.getByTestId('feature-adoption')).toHaveText('—');

    // The admin sets the licences in the UI.
    await card.getByRole('button', { name: 'Edit licences' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit licences' });
    await dialog.getByLabel('Seats').fill('10');
    const features = dialog.getByLabel('Licensed features');
    for (const feature of ['reports', 'alerts', 'sso', 'api']) {
      await features.fill(feature);
      await features.press('Enter');
    }
    await dialog.getByLabel('External id').fill(`ext-${tag}`);
    await dialog.getByRole('button', { name: 'Save licences' }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByTestId('feature-adoption')).toHaveText('0%');
    await expect(card.getByRole('list', { name: 'Licensed features' }).getByText('never used')).toHaveCount(4);
    // The health score counts the unused licences as a driver.
    const health = page.getByRole('region', { name: 'Health' });
    await page.reload();
    await expect(health.getByText('0 % of licensed features used in 30 days (4 features unused)')).toBeVisible();

    // The product posts usage with its token alone (the `request` fixture carries no session cookie).
    const at = new Date(Date.now() - 86_400_000).toISOString();
    const events = [
      { eventId: `${tag}-1`, accountExternalId: `ext-${tag}`, feature: 'reports', userId: 'ann', timestamp: at },
      { eventId: `${tag}-2`, accountExternalId: `ext-${tag}`, feature: 'alerts', userId: 'bob', timestamp: at },
      { eventId: `${tag}-3`, accountDomain: domain, feature: 'reports', userId: 'cy', timestamp: at },
      { eventId: `${tag}-4`, accountDomain: 'nobody.invalid', feature: 'reports', timestamp: at },
    ];
    const response = await request.post('/api/usage/events', { headers: { authorization: `Bearer ${token}` }, data: { events } });
    expect(response.status(), await response.text()).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 3, duplicates: 0, rejected: 1 });

    await page.reload();
    await expect(card.getByTestId('feature-adoption')).toHaveText('50%');
    await expect(card.getByTestId('seat-utilisation')).toHaveText('30%');
    await expect(card.getByText('3 of 10 seats active in 30 days')).toBeVisible();
    await expect(card.getByRole('img', { name: /Active users per day/ })).toBeVisible();
    const list = card.getByRole('list', { name: 'Licensed features' });
    await expect(list.getByText('never used')).toHaveCount(2);
    await expect(list.getByRole('listitem').filter({ hasText: 'reports' }).getByText('2 events')).toBeVisible();
    // …and the health score moved with it: the adoption driver now reads the new figure.
    await expect(health.getByText('50 % of licensed features used in 30 days (2 features unused)')).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
}
