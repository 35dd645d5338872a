import { expect, test, type Page } from '@playwright/test';
import { apiGet, signIn } from './helpers.js';

/**
 * Issue 17, the role profile: a demo member opens their own profile from the user menu and sees
 * the verdict with its reasons, the conditions and the chart of their time; an admin raises the
 * hands-on threshold and the same member's verdict changes — on a desktop (1440 px) and a phone (390 px).
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

async function memberId(page: Page, email: string): Promise<string> {
  const members = await apiGet<{ items: { id: string; email: string }[] }>(page, `/api/members?q=${encodeURIComponent(email)}`);
  return members.items.find((m) => m.email === email)!.id;
}

for (const viewport of VIEWPORTS) {
  test(`a member opens their role profile: verdict, reasons and the chart (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page, 'tomas.herrera@outpost.local');
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'My profile' }).click();

    await expect(page.getByRole('heading', { name: 'Tomás Herrera — role profile' })).toBeVisible();
    await expect(page.getByTestId('verdict')).toHaveText('Customer-facing engineer');
    const reasons = page.getByTestId('reasons');
    await expect(
      reasons.getByText(/^Hands-on share \d+(\.\d)? % \(.+ engineering of .+ logged\) reaches the 50 % threshold\.$/),
    ).toBeVisible();
    await expect(reasons.getByText(/^Deep relationships? with /)).toBeVisible();
    await expect(page.getByTestId('condition-holds')).toHaveCount(2);
    await expect(page.getByTestId('time-by-category').locator('.recharts-pie')).toBeVisible();
    await expect(page.getByTestId('nearest-role').getByRole('heading', { name: 'Implementation engineer' })).toBeVisible();
    await expect(page.getByTestId('relationships').getByRole('link').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // A shorter period is kept in the address and recomputes the profile.
    // Mantine's segmented control hides its radio inputs behind their labels.
    await page.locator('label', { hasText: '30 days' }).click();
    await expect(page.getByRole('radio', { name: '30 days' })).toBeChecked();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByText(/^Hands-on share/)).toBeVisible();
  });

  test(`the admin raises the hands-on threshold and a profile's verdict changes (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const tomas = await memberId(page, 'tomas.herrera@outpost.local');
    await page.goto(`/team/members/${tomas}`);
    await expect(page.getByTestId('verdict')).toHaveText('Customer-facing engineer');

    await page.goto('/admin/role-profile');
    const threshold = page.getByLabel('Hands-on threshold (%)');
    await expect(threshold).toHaveValue('50 %');
    await threshold.fill('75');
    await expect(page.getByText(/at least 75 % of their logged time is engineering/)).toBeVisible();
    await page.getByRole('button', { name: 'Save rules' }).click();
    await expect(page.getByText('Role profile rules saved; profiles are judged by them from now on.')).toBeVisible();
    await expectNoHorizontalOverflow(page);

    await page.goto(`/team/members/${tomas}`);
    await expect(page.getByTestId('verdict')).toHaveText('Not a customer-facing engineer');
    await expect(page.getByTestId('reasons').getByText(/is below the 75 % threshold/)).toBeVisible();
    await expect(page.getByTestId('condition-fails')).toHaveCount(1);

    // Put the default back for the other specs.
    await page.goto('/admin/role-profile');
    await page.getByLabel('Hands-on threshold (%)').fill('50');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await expect(page.getByText('Role profile rules saved; profiles are judged by them from now on.')).toBeVisible();
  });
}
