import { expect, test, type Page } from '@playwright/test';
import { apiCreate, signIn } from './helpers.js';

/**
 * Issue 16, proofs of concept tied to deals: from an opportunity a sales engineer starts a PoC with
 * its success criteria, marks the criteria on the engagement, records the verdict "pass", and sees
 * the deal's technical win turn "Won"; once the deal closes, the win/loss page counts it among the
 * deals won with a passed PoC — on a desktop (1440 px) and a phone (390 px).
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

async function apiPatch(page: Page, path: string, body: unknown): Promise<void> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.patch(path, { data: body, headers: { 'x-csrf-token': session.csrfToken } });
  expect(response.status(), await response.text()).toBe(200);
}

for (const viewport of VIEWPORTS) {
  test(`a PoC started from a deal sets its technical win, and win/loss counts it (${viewport.name})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const stamp = `${viewport.name}-${Date.now().toString(36)}`;
    const account = await apiCreate<{ id: string; name: string }>(page, '/api/accounts', {
      name: `Osprey Airlines ${stamp}`,
      domains: [`osprey-${stamp}.test`],
      segment: 'enterprise',
    });
    const dealName = `Engine health analytics ${stamp}`;
    const deal = await apiCreate<{ id: string }>(page, '/api/opportunities', {
      accountId: account.id,
      name: dealName,
      stage: 'technical_validation',
      arr: 180000,
      technicalWin: 'in_progress',
    });

    // The deal's PoCs tab: none yet, so the sales engineer starts one with its criteria.
    await page.goto(`/presales/opportunities/${deal.id}?tab=pocs`);
    const win = page.getByRole('region', { name: 'Technical win' });
    await expect(win.getByLabel('Technical win: In progress')).toBeVisible();
    await expect(page.getByText('No proof of concept yet')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await win.getByRole('button', { name: 'Start a PoC' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a proof of concept' });
    const pocName = `Engine telemetry PoC ${stamp}`;
    await dialog.getByLabel(/^Name/).fill(pocName);
    await dialog.getByLabel('Success criteria').fill('Ingest a year of engine telemetry\nAlerts reach the line crew within a minute');
    await dialog.getByRole('button', { name: 'Start the PoC' }).click();
    await expect(dialog).toBeHidden();
    const pocs = page.getByRole('list', { name: 'Proofs of concept' });
    const listed = pocs.getByRole('listitem', { name: pocName });
    await expect(listed).toContainText('0 of 2 criteria passed, 2 pending');
    await expect(listed.getByLabel('Verdict: Pending')).toBeVisible();

    // On the engagement: mark the criteria, record the verdict.
    await listed.getByRole('link', { name: pocName }).click();
    await expect(page).toHaveURL(/\/engagements\//);
    const card = page.getByRole('region', { name: 'Success criteria' });
    await expect(card.getByRole('link', { name: dealName })).toBeVisible();
    await expect(card.getByLabel('Technical win: In progress')).toBeVisible();
    for (const statement of ['Ingest a year of engine telemetry', 'Alerts reach the line crew within a minute']) {
      await card.getByRole('listitem', { name: statement }).getByText('Pass', { exact: true }).click();
    }
    const verdict = card.getByRole('group', { name: 'Verdict' });
    await expect(verdict).toContainText('The criteria suggest Pass (2 pass, 0 fail, 0 pending)');
    await verdict.getByRole('radiogroup', { name: 'Verdict' }).getByText('Pass', { exact: true }).click();
    await verdict.getByLabel('Verdict note').fill('Both criteria met on the A320 fleet');
    await verdict.getByRole('button', { name: 'Record verdict' }).click();
    await expect(verdict.getByLabel('Recorded verdict: Pass')).toBeVisible();
    await expect(card.getByLabel('Technical win: Won')).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // Back on the deal: the technical win is won, with the PoC as the reason.
    await card.getByRole('link', { name: dealName }).click();
    await expect(page).toHaveURL(new RegExp(`/presales/opportunities/${deal.id}`));
    await page.getByRole('tab', { name: 'Proofs of concept' }).click();
    await expect(win.getByLabel('Technical win: Won')).toBeVisible();
    await expect(win).toContainText(`PoC “${pocName}” passed: Both criteria met on the A320 fleet`);
    await expect(listed).toContainText('2 of 2 criteria passed');
    await expect(listed.getByLabel('Verdict: Pass')).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // The deal is won; win/loss counts it among the deals won with a passed PoC.
    const today = new Date().toISOString().slice(0, 10);
    await apiPatch(page, `/api/opportunities/${deal.id}`, { stage: 'closed_won', closeDate: today });
    await page.goto('/presales/win-loss');
    await expect(page.getByRole('heading', { name: 'Win / loss by proof of concept' })).toBeVisible();
    const deals = page.getByRole('table', { name: 'Closed deals' });
    const row = deals.getByRole('row').filter({ hasText: dealName });
    await expect(row).toContainText('Won');
    await expect(row).toContainText('PoC passed');
    await expect(row.getByRole('link', { name: pocName })).toBeVisible();
    const byOutcome = page.getByRole('table', { name: 'Win rate by PoC outcome' });
    await expect(byOutcome.getByRole('row', { name: 'PoC passed' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Closed deals by PoC outcome' }).locator('.recharts-surface')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await row.getByRole('link', { name: dealName }).click();
    await expect(page).toHaveURL(new RegExp(`/presales/opportunities/${deal.id}`));
  });
}
