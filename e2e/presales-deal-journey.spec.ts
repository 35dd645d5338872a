import { expect, test, type Page } from '@playwright/test';
import { apiGet, daysAgo, DEMO_PASSWORD, navigate, pick, signIn } from './helpers.js';

/**
 * Issue 16, the deal journey end to end, through the screens: the sales engineer Daniel Kim opens a
 * deal on a demo account with its ARR and logs a demo on it; starts a PoC from the deal and records
 * its verdict on the engagement, which wins the deal's technical win; marks a requirement as a gap
 * and finds it in the feedback insights inbox with the deal's ARR as pipeline; prices a statement
 * of work from the rate card, accepts it, and opens the delivery engagement it created with the
 * SOW's hours as its budget. On a desktop (1440 px), then the same deal's page on a phone (390 px).
 */

const DANIEL = 'daniel.kim@outpost.local';
const ACCOUNT = 'Northwind Logistics';

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate<number>(`(() => {
    const doc = document.documentElement;
    const main = document.querySelector('main');
    return Math.max(doc.scrollWidth - doc.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  })()`);
  expect(overflow).toBeLessThanOrEqual(1);
}

test('a deal goes from demo and PoC to a gap in the inbox and an accepted statement of work with its engagement', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DANIEL, DEMO_PASSWORD);
  const stamp = Date.now().toString(36);
  const dealName = `Northwind — Route telemetry ${stamp}`;
  let dealUrl = '';

  await test.step('the sales engineer opens a deal on a demo account, with its ARR', async () => {
    await navigate(page, 'Opportunities');
    await expect(page.getByRole('heading', { name: 'Opportunities', level: 2 })).toBeVisible();
    await page.getByRole('button', { name: 'New opportunity' }).click();
    const create = page.getByRole('dialog', { name: 'New opportunity' });
    await create.getByLabel(/^Account/).fill('Northwind');
    // The account list searches as one types; its options open outside the dialog.
    await page.getByRole('option', { name: ACCOUNT, exact: true }).click();
    await create.getByLabel(/^Name/).fill(dealName);
    await pick(create, 'Stage', 'Technical validation');
    await create.getByLabel('ARR').fill('275000');
    await pick(create, 'Sales engineer', 'Daniel Kim');
    await pick(create, 'Solutions architect', 'Sofia Rossi');
    await create.getByRole('button', { name: 'Create opportunity' }).click();
    await expect(create).toBeHidden();

    await expect(page).toHaveURL(/\/presales\/opportunities\/[^/?]+/);
    dealUrl = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { name: dealName, level: 2 })).toBeVisible();
    await expect(page.getByRole('link', { name: ACCOUNT }).first()).toBeVisible();
    await expect(page.getByLabel('ARR')).toHaveText('$275,000');
    await expect(page.getByText('Technical win: Not started').first()).toBeVisible();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByText('Daniel Kim', { exact: true })).toBeVisible();
    await expect(details.getByText('Sofia Rossi', { exact: true })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });

  await test.step('a demo is logged on the deal', async () => {
    const demos = page.getByRole('region', { name: 'Demos' });
    await demos.getByRole('button', { name: 'Record demo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a demo' });
    const title = `Fleet telemetry walkthrough ${stamp}`;
    await dialog.getByLabel(/^Title/).fill(title);
    await dialog.getByLabel(/^When/).fill(daysAgo(2));
    await pick(dialog, 'Outcome', 'Positive');
    await dialog.getByLabel('Script or storyline').fill('Live route map, then the late-delivery alert');
    await dialog.getByRole('button', { name: 'Record demo' }).click();
    await expect(dialog).toBeHidden();
    const demo = demos.getByRole('article', { name: `Demo ${title}` });
    await expect(demo).toBeVisible();
    await expect(demo.getByText('Positive')).toBeVisible();
  });

  const pocName = `Route telemetry PoC ${stamp}`;
  await test.step('a PoC started from the deal and passed on its engagement wins the technical win', async () => {
    await page.getByRole('tab', { name: 'Proofs of concept' }).click();
    const win = page.getByRole('region', { name: 'Technical win' });
    await expect(win.getByLabel(/^Technical win: /)).toBeVisible();
    await expect(page.getByText('No proof of concept yet')).toBeVisible();
    await win.getByRole('button', { name: 'Start a PoC' }).click();
    const start = page.getByRole('dialog', { name: 'Start a proof of concept' });
    await start.getByLabel(/^Name/).fill(pocName);
    await start.getByLabel('Success criteria').fill('Positions from 400 trucks every 30 seconds');
    await start.getByRole('button', { name: 'Start the PoC' }).click();
    await expect(start).toBeHidden();
    const listed = page.getByRole('list', { name: 'Proofs of concept' }).getByRole('listitem', { name: pocName });
    await expect(listed.getByLabel('Verdict: Pending')).toBeVisible();

    await listed.getByRole('link', { name: pocName }).click();
    await expect(page).toHaveURL(/\/engagements\//);
    await expect(page.getByRole('heading', { name: pocName })).toBeVisible();
    const card = page.getByRole('region', { name: 'Success criteria' });
    await expect(card.getByRole('link', { name: dealName })).toBeVisible();
    await card.getByRole('listitem', { name: 'Positions from 400 trucks every 30 seconds' }).getByText('Pass', { exact: true }).click();
    const verdict = card.getByRole('group', { name: 'Verdict' });
    await expect(verdict).toContainText('The criteria suggest Pass (1 pass, 0 fail, 0 pending)');
    await verdict.getByRole('radiogroup', { name: 'Verdict' }).getByText('Pass', { exact: true }).click();
    await verdict.getByLabel('Verdict note').fill('Every truck reported on time for two weeks');
    await verdict.getByRole('button', { name: 'Record verdict' }).click();
    await expect(verdict.getByLabel('Recorded verdict: Pass')).toBeVisible();
    await expect(card.getByLabel('Technical win: Won')).toBeVisible();

    // Back on the deal, its technical win is won, in the header and on the PoCs tab.
    await card.getByRole('link', { name: dealName }).click();
    await expect(page).toHaveURL(new RegExp(dealUrl));
    await expect(page.getByText('Technical win: Won').first()).toBeVisible();
    await page.getByRole('tab', { name: 'Proofs of concept' }).click();
    await expect(win.getByLabel('Technical win: Won')).toBeVisible();
    await expect(win).toContainText(`PoC “${pocName}” passed: Every truck reported on time for two weeks`);
    await expect(listed.getByLabel('Verdict: Pass')).toBeVisible();
  });

  const requirement = `Cold-chain temperature alerts per trailer (${stamp})`;
  await test.step('a requirement marked gap reaches the insights inbox with the deal’s ARR as pipeline', async () => {
    await page.getByRole('tab', { name: 'Requirements' }).click();
    await expect(page.getByText('No requirements yet')).toBeVisible();
    await page.getByRole('button', { name: 'Add requirement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add requirement' });
    await dialog.getByLabel('Reference').fill('R-1');
    await dialog.getByLabel(/^Requirement/).fill(requirement);
    await dialog.getByText('Must', { exact: true }).click();
    await pick(dialog, 'Fit', 'Gap');
    await dialog.getByRole('button', { name: 'Add requirement' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('The gap is in the feedback insights inbox').first()).toBeVisible();

    const summary = page.getByRole('region', { name: 'Fit summary' });
    await expect(summary.getByText('1 gaps in all')).toBeVisible();
    const row = page.getByRole('row', { name: 'R-1' });
    await expect(row.getByText(requirement)).toBeVisible();
    await expect(row.getByLabel('Fit of R-1')).toHaveValue('Gap');
    await row.getByRole('link', { name: 'In the feedback inbox' }).click();

    await expect(page.getByRole('heading', { name: 'Insights inbox' })).toBeVisible();
    const item = page.getByTestId('inbox-item').filter({ hasText: `R-1: ${requirement}` });
    await expect(item).toBeVisible();
    await expect(item.getByText('Pipeline $275,000')).toBeVisible();
    await expect(item.getByText('Blocker')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await item.getByRole('link', { name: `Opportunity · ${dealName}` }).click();
    await expect(page).toHaveURL(new RegExp(dealUrl));
  });

  const sowTitle = `Northwind rollout ${stamp}`;
  await test.step('a statement of work priced from the rate card is accepted into an engagement with its budget', async () => {
    await page.getByRole('tab', { name: 'Statements of work' }).click();
    await page.getByRole('button', { name: 'New statement of work' }).click();
    const editor = page.getByRole('dialog', { name: 'New statement of work' });
    await editor.getByLabel('Title').fill(sowTitle);
    await editor.getByLabel('Item 1', { exact: true }).fill('Telematics connector deployment');
    await pick(editor.getByRole('group', { name: 'Scope item 1' }), 'Role', 'Implementation engineer · $165.00/h');
    await editor.getByRole('group', { name: 'Scope item 1' }).getByLabel('Hours').fill('32');
    await editor.getByRole('button', { name: 'Add item' }).click();
    await editor.getByLabel('Item 2', { exact: true }).fill('Alerting design workshops');
    await pick(editor.getByRole('group', { name: 'Scope item 2' }), 'Role', 'Solutions architect · $220.00/h');
    await editor.getByRole('group', { name: 'Scope item 2' }).getByLabel('Hours').fill('12');
    await editor.getByLabel('Assumptions').fill('- Read access to the telematics API');
    // 32 h × $165 + 12 h × $220
    await expect(editor.getByLabel('Totals')).toHaveText('44 h · $7,920.00');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await expect(editor).toBeHidden();

    const sow = page.getByRole('article', { name: sowTitle });
    await expect(sow.getByText('Draft', { exact: true })).toBeVisible();
    await expect(sow.getByLabel('Total', { exact: true })).toHaveText('$7,920.00');
    await sow.getByRole('button', { name: 'Send' }).click();
    await page
      .getByRole('dialog', { name: `Send “${sowTitle}”?` })
      .getByRole('button', { name: 'Mark as sent' })
      .click();
    await expect(sow.getByText('Sent', { exact: true })).toBeVisible();

    await sow.getByRole('button', { name: 'Accept…' }).click();
    const accept = page.getByRole('dialog', { name: 'Accept the statement of work' });
    await expect(accept.getByText('a budget of 44 hours')).toBeVisible();
    await accept.getByText('Implementation', { exact: true }).click();
    await accept.getByRole('button', { name: 'Accept and create engagement' }).click();
    await expect(accept).toBeHidden();
    await expect(sow.getByText('Accepted', { exact: true })).toBeVisible();
    await expect(sow.getByText('Implementation engagement created')).toBeVisible();
    await expect(sow.getByText('(budget 44 h)')).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // From the deal to the engagement: the SOW's title, account and hours as its budget.
    await sow.getByRole('link', { name: 'Open the engagement' }).click();
    await expect(page).toHaveURL(/\/engagements\/[^/?]+/);
    await expect(page.getByRole('heading', { name: sowTitle })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Budget burn' }).getByText('logged of 44 h')).toBeVisible();
    const engagementId = new URL(page.url()).pathname.split('/')[2]!;
    const engagement = await apiGet<{ kind: string; budgetHours: number; account: { name: string } }>(
      page,
      `/api/engagements/${engagementId}`,
    );
    expect(engagement).toMatchObject({ kind: 'implementation', budgetHours: 44, account: { name: ACCOUNT } });
    await expectNoHorizontalOverflow(page);
  });

  await test.step('on a phone, the deal’s page and its tabs fit the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(dealUrl);
    await expect(page.getByRole('heading', { name: dealName, level: 2 })).toBeVisible();
    await expect(page.getByText('Technical win: Won').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Demos' }).getByText(`Fleet telemetry walkthrough ${stamp}`)).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.getByRole('tab', { name: 'Proofs of concept' }).click();
    await expect(page.getByRole('listitem', { name: pocName })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.getByRole('tab', { name: 'Requirements' }).click();
    // A card per requirement on a phone, not the table.
    await expect(page.getByRole('article', { name: 'R-1' }).getByText(requirement)).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.getByRole('tab', { name: 'Statements of work' }).click();
    await expect(page.getByRole('article', { name: sowTitle }).getByText('Implementation engagement created')).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});
