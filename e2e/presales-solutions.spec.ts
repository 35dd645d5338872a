import { expect, test, type Page } from '@playwright/test';
import { apiCreate, navigate, pick, signIn } from './helpers.js';

/**
 * Issue 16, requirements → feedback and statement of work → engagement: a sales engineer marks a
 * customer's requirement as a gap and finds it in the feedback insights inbox with the deal and
 * its ARR as pipeline; then prices a statement of work from the rate card, sends it, accepts it
 * and opens the engagement it created with its budget hours — on a desktop (1440 px) and a phone
 * (390 px).
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

/** Follows a main-navigation link, opening the navigation first on a phone. */
async function go(page: Page, label: string, phone: boolean) {
  if (phone) await page.getByRole('button', { name: 'Toggle navigation' }).click();
  await navigate(page, label);
}

async function newDeal(page: Page, stamp: string, arr: number) {
  const account = await apiCreate<{ id: string }>(page, '/api/accounts', {
    name: `Gapworth ${stamp}`,
    domains: [`gapworth-${stamp}.test`],
    segment: 'enterprise',
    arr: 60000,
  });
  return apiCreate<{ id: string; name: string }>(page, '/api/opportunities', {
    accountId: account.id,
    name: `Gapworth — SIEM replacement ${stamp}`,
    stage: 'proposal',
    arr,
  });
}

for (const viewport of VIEWPORTS) {
  const phone = viewport.width < 600;

  test(`a requirement marked gap reaches the insights inbox with the deal’s ARR as pipeline (${viewport.name})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const stamp = `${viewport.name}-${Date.now().toString(36)}`;
    const deal = await newDeal(page, stamp, 420000);
    const text = `Encryption keys held in our own HSM (${stamp})`;
    await apiCreate(page, `/api/opportunities/${deal.id}/requirements`, { reference: 'R-7', text, priority: 'must' });
    await apiCreate(page, `/api/opportunities/${deal.id}/requirements`, {
      reference: 'R-8',
      text: 'SAML single sign-on',
      priority: 'must',
      fit: 'native',
    });

    await page.goto(`/presales/opportunities/${deal.id}?tab=requirements`);
    const summary = page.getByRole('region', { name: 'Fit summary' });
    await expect(summary.getByText('50%')).toBeVisible();
    await expect(page.getByText(text)).toBeVisible();
    await expectNoHorizontalOverflow(page);

    await pick(page, 'Fit of R-7', 'Gap');
    await expect(page.getByText('The gap is in the feedback insights inbox')).toBeVisible();
    await expect(summary.getByText('1 gaps in all')).toBeVisible();
    await expect(page.getByRole('link', { name: 'In the feedback inbox' })).toBeVisible();

    await go(page, 'Insights inbox', phone);
    await expect(page.getByRole('heading', { name: 'Insights inbox' })).toBeVisible();
    const item = page.getByTestId('inbox-item').filter({ hasText: `R-7: ${text}` });
    await expect(item).toBeVisible();
    await expect(item.getByRole('link', { name: `Opportunity · ${deal.name}` })).toBeVisible();
    await expect(item.getByText('Pipeline $420,000')).toBeVisible();
    await expect(item.getByText('Blocker')).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // The source link goes back to the deal.
    await item.getByRole('link', { name: `Opportunity · ${deal.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/presales/opportunities/${deal.id}`));
  });

  test(`a statement of work priced from the rate card is accepted into an engagement with its budget (${viewport.name})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const stamp = `${viewport.name}-${Date.now().toString(36)}`;
    const role = `Integration engineer ${stamp}`;

    // The rate card: Admin → Rate card.
    await go(page, 'Rate card', phone);
    await expect(page.getByRole('heading', { name: 'Rate card' })).toBeVisible();
    await page.getByRole('button', { name: 'Add role' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Add a role' });
    await roleDialog.getByLabel('Role').fill(role);
    await roleDialog.getByLabel('Hourly rate').fill('150');
    await roleDialog.getByRole('button', { name: 'Add role' }).click();
    await expect(roleDialog).toBeHidden();
    // A table on a desktop, a list of cards on a phone.
    const entry = (name: string) => page.getByRole(phone ? 'listitem' : 'row', { name, exact: true });
    await expect(entry(role).getByText('$150.00/h')).toBeVisible();
    await expect(entry('Solutions architect').getByText('$220.00/h')).toBeVisible();
    await expectNoHorizontalOverflow(page);

    const deal = await newDeal(page, stamp, 150000);
    await page.goto(`/presales/opportunities/${deal.id}?tab=sow`);
    await page.getByRole('button', { name: 'New statement of work' }).click();
    const editor = page.getByRole('dialog', { name: 'New statement of work' });
    const title = `Rollout ${stamp}`;
    await editor.getByLabel('Title').fill(title);
    await editor.getByLabel('Item 1', { exact: true }).fill('Connector deployment');
    await pick(editor.getByRole('group', { name: 'Scope item 1' }), 'Role', `${role} · $150.00/h`);
    await editor.getByRole('group', { name: 'Scope item 1' }).getByLabel('Hours').fill('24');
    await editor.getByRole('button', { name: 'Add item' }).click();
    await editor.getByLabel('Item 2', { exact: true }).fill('Architecture workshops');
    await pick(editor.getByRole('group', { name: 'Scope item 2' }), 'Role', 'Solutions architect · $220.00/h');
    await editor.getByRole('group', { name: 'Scope item 2' }).getByLabel('Hours').fill('16');
    await editor.getByLabel('Assumptions').fill('- VPN access for the engineers');
    await expect(editor.getByLabel('Totals')).toHaveText('40 h · $7,120.00');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await expect(editor).toBeHidden();

    const sow = page.getByRole('article', { name: title });
    await expect(sow.getByText('Draft', { exact: true })).toBeVisible();
    await expect(sow.getByLabel('Total', { exact: true })).toHaveText('$7,120.00');
    await expectNoHorizontalOverflow(page);
    await sow.getByRole('button', { name: 'Send' }).click();
    await page
      .getByRole('dialog', { name: `Send “${title}”?` })
      .getByRole('button', { name: 'Mark as sent' })
      .click();
    await expect(sow.getByText('Sent', { exact: true })).toBeVisible();
    await expect(sow.getByRole('button', { name: 'Edit' })).toHaveCount(0);

    await sow.getByRole('button', { name: 'Accept…' }).click();
    const accept = page.getByRole('dialog', { name: 'Accept the statement of work' });
    await expect(accept.getByText('a budget of 40 hours')).toBeVisible();
    await accept.getByText('Implementation', { exact: true }).click();
    await accept.getByRole('button', { name: 'Accept and create engagement' }).click();
    await expect(accept).toBeHidden();
    await expect(sow.getByText('Accepted', { exact: true })).toBeVisible();
    await expect(sow.getByText('Implementation engagement created')).toBeVisible();

    await sow.getByRole('link', { name: 'Open the engagement' }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByText('logged of 40 h')).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
}
