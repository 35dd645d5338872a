import { expect, test, type Page } from '@playwright/test';
import { apiCreate, daysAgo, pick, signIn } from './helpers.js';

/**
 * Issue 16, opportunities: an account executive creates a deal from the account page, records a
 * demo on it (which lands on the account's timeline too, and follows when it is corrected), asks
 * the sales engineer for an architecture review, and finds the request in the deal-support queue
 * with the engineer's load — on a desktop (1440 px) and a phone (390 px).
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
  test(`a deal from the account page gets a demo and a support request that reaches the queue (${viewport.name})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const stamp = `${viewport.name}-${Date.now().toString(36)}`;
    const account = await apiCreate<{ id: string; name: string }>(page, '/api/accounts', {
      name: `Larkspur Rail ${stamp}`,
      domains: [`larkspur-${stamp}.test`],
      segment: 'enterprise',
    });
    await apiCreate(page, `/api/accounts/${account.id}/contacts`, {
      name: `Priya Signals ${stamp}`,
      email: `priya@larkspur-${stamp}.test`,
      title: 'Head of Signalling',
    });

    // The deal, created on the account page.
    await page.goto(`/accounts/${account.id}`);
    const card = page.getByRole('region', { name: 'Opportunities', exact: true });
    await expect(card.getByText('No opportunity on this account yet.')).toBeVisible();
    await card.getByRole('button', { name: 'New opportunity' }).click();
    const create = page.getByRole('dialog', { name: 'New opportunity' });
    const dealName = `Signal analytics ${stamp}`;
    await create.getByLabel(/^Name/).fill(dealName);
    await create.getByLabel('ARR').fill('120000');
    await pick(create, 'Stage', 'Technical validation');
    await pick(create, 'Sales engineer', 'Daniel Kim');
    await create.getByLabel('Products').fill('Beacon Platform');
    await create.getByLabel('Products').press('Enter');
    await create.getByRole('button', { name: 'Create opportunity' }).click();
    await expect(create).toBeHidden();

    // The deal's page: its header says what it is.
    await expect(page.getByRole('heading', { name: dealName, level: 2 })).toBeVisible();
    await expect(page.getByRole('link', { name: account.name }).first()).toBeVisible();
    await expect(page.getByLabel('ARR')).toHaveText('$120,000');
    await expect(page.getByText('Technical win: Not started').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // A demo, recorded after it took place.
    const demos = page.getByRole('region', { name: 'Demos' });
    await demos.getByRole('button', { name: 'Record demo' }).click();
    const demoDialog = page.getByRole('dialog', { name: 'Record a demo' });
    const demoTitle = `Interlocking dashboard ${stamp}`;
    await demoDialog.getByLabel(/^Title/).fill(demoTitle);
    await demoDialog.getByLabel(/^When/).fill(daysAgo(1));
    await pick(demoDialog, 'Outcome', 'Positive');
    await pick(demoDialog, 'Customer audience', `Priya Signals ${stamp} (Head of Signalling)`);
    await demoDialog.getByRole('button', { name: 'Add follow-up' }).click();
    await demoDialog.getByLabel('Follow-up 1', { exact: true }).fill('Send the signalling data sheet');
    await demoDialog.getByRole('button', { name: 'Record demo' }).click();
    await expect(demoDialog).toBeHidden();
    const demo = demos.getByRole('article', { name: `Demo ${demoTitle}` });
    await expect(demo.getByText('Positive')).toBeVisible();
    await expect(demo.getByText(`Priya Signals ${stamp} (Head of Signalling)`)).toBeVisible();
    await expect(demo.getByRole('checkbox', { name: 'Send the signalling data sheet' })).not.toBeChecked();
    await expect(page.getByRole('list', { name: 'Opportunity timeline' }).getByText(`Demo: ${demoTitle}`)).toBeVisible();

    // A corrected title reaches the demo's interaction on the account's timeline (checked below).
    const revisedTitle = `${demoTitle} and alarms`;
    await demo.getByRole('button', { name: `Edit demo ${demoTitle}` }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit demo' });
    await editDialog.getByLabel(/^Title/).fill(revisedTitle);
    await editDialog.getByRole('button', { name: 'Save demo' }).click();
    await expect(editDialog).toBeHidden();
    await expect(demos.getByRole('article', { name: `Demo ${revisedTitle}` })).toBeVisible();

    // Deal support: an architecture review asked of the deal's sales engineer.
    const support = page.getByRole('region', { name: 'Deal support' });
    await support.getByRole('button', { name: 'Request support' }).click();
    const ask = page.getByRole('dialog', { name: 'Request deal support' });
    const requestTitle = `Review the trackside gateway ${stamp}`;
    await pick(ask, 'What you need', 'Architecture review');
    await expect(ask.getByLabel('Engineer')).toHaveValue('Daniel Kim');
    await ask.getByLabel(/^Request/).fill(requestTitle);
    const due = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await ask.getByLabel('Due').fill(due);
    await ask.getByLabel('Estimated hours').fill('5');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await expect(ask).toBeHidden();
    const request = support.getByRole('article', { name: `Request ${requestTitle}` });
    await expect(request.getByText('New', { exact: true })).toBeVisible();
    await expect(request.getByText(/for Daniel Kim · 5 h/)).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // The demo is on the account's timeline too.
    await page.goto(`/accounts/${account.id}`);
    const accountTimeline = page.getByRole('list', { name: 'Interaction timeline' });
    await expect(accountTimeline.getByText(`Demo: ${revisedTitle}`)).toBeVisible();
    await expect(accountTimeline.getByText(`Demo: ${demoTitle}`, { exact: true })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Opportunities', exact: true }).getByRole('link', { name: dealName })).toBeVisible();

    // The queue: the request, with Daniel's load above it.
    await page.goto('/presales/deal-support');
    const load = page.getByRole('button', { name: 'Load of Daniel Kim' });
    await expect(load).toBeVisible();
    await expect(load.getByLabel(/^Open: \d+$/)).toBeVisible();
    await load.click();
    const queue = page.getByRole('table', { name: 'Deal-support queue' });
    const row = queue.getByRole('row').filter({ hasText: requestTitle });
    await expect(row).toBeVisible();
    await expect(row.getByText('Daniel Kim')).toBeVisible();
    await expect(row.getByRole('link', { name: dealName })).toBeVisible();
    await row.getByRole('button', { name: `Accept: ${requestTitle}` }).click();
    await expect(row.getByText('Accepted', { exact: true })).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // The pipeline lists the deal under its stage.
    await page.goto(`/presales/opportunities?q=${encodeURIComponent(stamp)}`);
    await expect(page.getByRole('table', { name: 'Opportunities' }).getByRole('link', { name: dealName })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Technical validation: 1 deal, \$120,000$/ })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
}
