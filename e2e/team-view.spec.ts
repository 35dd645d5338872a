import { expect, test, type Page } from '@playwright/test';
import { pick, signIn } from './helpers.js';

/**
 * Issue 17, the team view: an engineering manager opens Team time, sees each person's bar of time
 * by category with the role profile's verdict, filters by role (kept in the address), reads the
 * quarter trend and opens a person's profile; a member without time.manage neither sees the entry
 * nor gets in — on a desktop (1440 px) and a phone (390 px).
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

/** The main navigation, opened from the burger on a phone. */
async function mainNav(page: Page, phone: boolean) {
  if (phone) await page.getByRole('button', { name: 'Toggle navigation' }).click();
  return page.getByRole('navigation', { name: 'Main' });
}

for (const viewport of VIEWPORTS) {
  const phone = viewport.name === 'phone';

  test(`an engineering manager sees where the team's time goes, filters by role and opens a profile (${viewport.name})`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page, 'ben.carter@outpost.local');
    await (await mainNav(page, phone)).getByRole('link', { name: 'Team time', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Team time', level: 2 })).toBeVisible();

    const people = page.getByRole('region', { name: 'Time per person' });
    const ada = people.getByRole('article', { name: 'Ada Novak' });
    await expect(ada).toBeVisible();
    await expect(ada.getByText(/^(Customer-facing engineer|Not customer-facing)$/)).toBeVisible();
    await expect(ada.getByText('Utilisation')).toBeVisible();
    await expect(people.getByRole('article')).not.toHaveCount(0);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/teamview-${viewport.name}-top.png` });
    await expectNoHorizontalOverflow(page);

    // Only professional services: their billable share shows, and the filter is in the address.
    await pick(page, 'Role', 'Professional services engineer');
    await expect(page).toHaveURL(/role=professional_services/);
    const grace = people.getByRole('article', { name: 'Grace Okafor' });
    await expect(grace).toBeVisible();
    await expect(ada).toBeHidden();
    await expect(people.getByRole('article')).toHaveCount(1);
    await expect(grace.getByText('Billable')).toBeVisible();
    await expect(grace.getByLabel(/^Time by category: Engineering \d/)).toBeVisible();
    await expect(grace.getByText(/^(Customer-facing engineer|Not customer-facing)$/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Trend by quarter' }).getByLabel('Engineering share by quarter')).toBeVisible();

    // The address keeps the filter across a reload.
    await page.reload();
    await expect(people.getByRole('article')).toHaveCount(1);
    await expect(page.locator('input').and(page.getByLabel('Role', { exact: true }))).toHaveValue('Professional services engineer');
    await expectNoHorizontalOverflow(page);

    await grace.getByRole('link', { name: 'Grace Okafor' }).click();
    await expect(page).toHaveURL(/\/team\/members\/[^/?]+$/);
  });

  test(`a member without time.manage has no Team time entry and is refused the page (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page, 'ada.novak@outpost.local');
    const nav = await mainNav(page, phone);
    await expect(nav.getByRole('link', { name: 'Timesheet', exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Team time', exact: true })).toBeHidden();
    await page.goto('/team/time');
    await expect(page.getByText('You do not have access to this page')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Time per person' })).toBeHidden();
  });
}
