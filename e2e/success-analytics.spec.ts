import { expect, test, type Page } from '@playwright/test';
import { navigate, pick, signIn } from './helpers.js';

/**
 * Issue 15, analytics: the support manager's and the delivery lead's pages draw their charts from
 * the demo data, keep their filters in the address, and every chart downloads as CSV. Checked on a
 * phone (390 px) and a desktop (1440 px).
 */

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Neither the page nor its main column scrolls sideways; wide charts scroll inside their card. */
async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate<number>(`(() => {
    const doc = document.documentElement;
    const main = document.querySelector('main');
    return Math.max(doc.scrollWidth - doc.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  })()`);
  expect(overflow).toBeLessThanOrEqual(1);
}

async function expectChartDrawn(page: Page, name: string) {
  const region = page.getByRole('region', { name, exact: true });
  await expect(region).toBeVisible();
  await expect(region.locator('svg path').first()).toBeAttached({ timeout: 15_000 });
}

async function expectCsv(page: Page, chart: string, header: string) {
  const href = await page
    .getByRole('region', { name: chart, exact: true })
    .getByRole('link', { name: 'Download CSV' })
    .getAttribute('href');
  expect(href).toBeTruthy();
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^text\/csv/);
  expect((await res.text()).split('\n')[0]).toBe(header);
  return href!;
}

for (const [size, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  test(`support analytics draws every chart, filters through the address and downloads CSV (${size})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page);
    if (size === 'desktop') await navigate(page, 'Support analytics');
    else await page.goto('/analytics/support');
    await expect(page.getByRole('heading', { name: 'Support analytics', level: 2 })).toBeVisible();
    for (const chart of ['SLA attainment', 'Backlog', 'Created vs solved', 'Response times', 'CSAT trend', 'Escalation rate'])
      await expectChartDrawn(page, chart);
    await expect(page.getByText(/met when no breach of it was recorded/)).toBeVisible();
    await expectNoHorizontalOverflow(page);

    await expectCsv(
      page,
      'SLA attainment',
      'month,targets,met,missed,attainment_percent,first_reply_targets,first_reply_met,resolution_targets,resolution_met',
    );
    await expectCsv(page, 'Backlog', 'day,open_tickets');

    // Response times in the hours the desk is open, as the SLA calendars count them.
    const times = page.getByRole('region', { name: 'Response times', exact: true });
    const inBusinessHours = page.waitForResponse(
      (r) => r.url().includes('/api/analytics/support/response-times?') && r.url().includes('hours=business'),
    );
    await times.getByText('Business hours', { exact: true }).click();
    await inBusinessHours;
    await expect(times.getByText(/business hours \(when the ticket’s SLA calendar is open\)/)).toBeVisible();
    await expect(times.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', /hours=business/);
    await expectChartDrawn(page, 'Response times');

    const refreshed = page.waitForResponse((r) => r.url().includes('/api/analytics/support/backlog?') && r.url().includes('tier=tier2'));
    await pick(page, 'Tier', 'Tier 2');
    await expect(page).toHaveURL(/tier=tier2/);
    await refreshed;
    const href = await expectCsv(page, 'Backlog', 'day,open_tickets');
    expect(href).toContain('tier=tier2');

    await pick(page, 'Period', 'Last 12 months');
    await expect(page).toHaveURL(/period=12m/);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Backlog', exact: true }).getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
      'href',
      /tier=tier2/,
    );
    await expectChartDrawn(page, 'Backlog');
    await expectNoHorizontalOverflow(page);
  });

  test(`delivery analytics draws budget burn, slip and grade distribution (${size})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page);
    if (size === 'desktop') await navigate(page, 'Delivery analytics');
    else await page.goto('/analytics/delivery');
    await expect(page.getByRole('heading', { name: 'Delivery analytics', level: 2 })).toBeVisible();
    await expectChartDrawn(page, 'Budget burn');
    await expect(page.getByRole('table', { name: 'Schedule slip' }).getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Grade distribution' })).toBeVisible();
    await expectCsv(
      page,
      'Budget burn',
      'engagement,account,status,budget_hours,logged_hours,burn_percent,target_go_live,projected_go_live,slip_days',
    );
    await expectNoHorizontalOverflow(page);
    await pick(page, 'Segment', 'SMB');
    await expect(page).toHaveURL(/segment=smb/);
    await expectNoHorizontalOverflow(page);
  });
}
