import { expect, test, type Page } from '@playwright/test';
import { apiCreate, apiGet, createTicketViaApi, navigate, pick, signIn, unique } from './helpers.js';

/**
 * Issue 14, the ranking loop: feedback captured on a ticket reaches the insights inbox, is linked
 * from the keyboard to a request, and the ranked list moves exactly as the score formula says
 * (Σ over accounts of ARR × the strongest impact — blocker 3, important 2, nice to have 1 — plus
 * the pipeline blocked); then two requests merge.
 */

interface AccountRow {
  id: string;
  name: string;
  arr: number;
}
interface RequestRow {
  id: string;
  title: string;
  score: number;
  arr: number;
  pipelineArr: number;
  customerCount: number;
}

const score = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Three demo accounts with ARR; the first has a contact to open a ticket as. */
async function accountsWithArr(page: Page): Promise<{ accounts: AccountRow[]; requesterEmail: string }> {
  const list = await apiGet<{ items: AccountRow[] }>(page, '/api/accounts?sort=arr&order=desc&limit=20');
  const paying = list.items.filter((a) => a.arr > 0);
  for (const candidate of paying) {
    const contacts = await apiGet<{ items: { email: string }[] }>(page, `/api/accounts/${candidate.id}/contacts`);
    if (contacts.items[0]) {
      const others = paying.filter((a) => a.id !== candidate.id).slice(0, 2);
      expect(others).toHaveLength(2);
      return { accounts: [candidate, ...others], requesterEmail: contacts.items[0].email };
    }
  }
  throw new Error('No demo account with ARR has a contact');
}

async function requestFigures(page: Page, title: string): Promise<RequestRow> {
  const page1 = await apiGet<{ items: RequestRow[] }>(page, `/api/feature-requests?sort=score&q=${encodeURIComponent(title)}`);
  const found = page1.items.find((r) => r.title === title);
  expect(found, `request “${title}” in the ranked list`).toBeTruthy();
  return found!;
}

async function expectRankedRow(page: Page, title: string, figures: { score: number; customers: number }, width: number) {
  await page.goto(`/feedback/requests?q=${encodeURIComponent(title)}`);
  const row = page.getByRole('table', { name: 'Feature requests' }).locator('tbody tr').filter({ hasText: title });
  await expect(row.locator('td').nth(1)).toHaveText(score.format(figures.score));
  await expect(row.locator('td').nth(2)).toHaveText(String(figures.customers));
  // On a phone the table scrolls sideways, with the title and the score still in view.
  await expect(row.getByRole('link', { name: title })).toBeInViewport();
  await expect(row.locator('td').nth(1)).toBeInViewport();
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

for (const width of [1440, 390]) {
  test(`feedback captured on a ticket is triaged from the inbox into a ranked request, then merged, at ${width} px`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: width >= 1000 ? 900 : 844 });
    await signIn(page);
    const { accounts, requesterEmail } = await accountsWithArr(page);
    const [a, b, c] = accounts as [AccountRow, AccountRow, AccountRow];

    // A request that one account (B) finds nice to have, and another one that C finds important.
    const target = await apiCreate<{ id: string; title: string }>(page, '/api/feature-requests', {
      title: unique('Export dashboards as PDF'),
    });
    await apiCreate(page, '/api/feedback-items', {
      accountId: b.id,
      title: 'PDF export for the board pack',
      quote: 'It would be nice to send the board a PDF.',
      impact: 'nice_to_have',
      requestId: target.id,
    });
    const absorbed = await apiCreate<{ id: string; title: string }>(page, '/api/feature-requests', {
      title: unique('Printable dashboards'),
    });
    await apiCreate(page, '/api/feedback-items', {
      accountId: c.id,
      title: 'Print dashboards',
      quote: 'We print the dashboards every Monday.',
      impact: 'important',
      requestId: absorbed.id,
    });
    await expectRankedRow(page, target.title, { score: b.arr, customers: 1 }, width);

    // Capture on a ticket of account A: a blocker, in the customer's words.
    const ticket = await createTicketViaApi(page, {
      subject: unique('Board pack export'),
      description: 'Our board cannot read the dashboards; we need them as PDF before the audit.',
      requesterEmail,
    });
    await page.goto(`/tickets/${ticket.id}`);
    await expect(page.getByRole('heading', { name: ticket.subject, level: 2 })).toBeVisible();
    await page.getByRole('button', { name: 'Capture feedback' }).click();
    const capture = page.getByRole('dialog', { name: 'Capture feedback' });
    const itemTitle = unique('PDF export blocks the audit');
    await capture.getByLabel('Title').fill(itemTitle);
    await expect(capture.getByLabel('The customer’s words')).toHaveValue(/need them as PDF before the audit/);
    await capture.getByText('Blocker', { exact: true }).click();
    await capture.getByLabel('Title').press('Control+Enter');
    await expect(capture).toBeHidden();
    await expect(page.getByText('Feedback captured')).toBeVisible();

    // The inbox lists it unlinked, with its account, quote and source.
    if (width >= 1000) {
      await navigate(page, 'Insights inbox');
      await expect(page.getByRole('heading', { name: 'Insights inbox', level: 2 })).toBeVisible();
    }
    // Narrowed to account A, so items of earlier runs cannot push this one off the first page.
    await page.goto(`/feedback/inbox?account=${a.id}`);
    const item = page.getByTestId('inbox-item').filter({ hasText: itemTitle });
    await expect(item.getByText(a.name)).toBeVisible();
    await expect(item.locator('blockquote')).toContainText('need them as PDF before the audit');
    await expect(item.getByRole('link', { name: new RegExp(`Ticket #${ticket.number}`) })).toBeVisible();
    await expect(item.getByText('Blocker')).toBeVisible();
    await expect(page.getByLabel('Unlinked items')).toContainText('unlinked');

    // From the keyboard: select it, Enter opens the link panel, Escape closes it, `l` searches.
    await item.click({ position: { x: 5, y: 5 } });
    await expect(item).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Enter');
    await expect(item.getByRole('group', { name: 'Link to a request' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(item.getByRole('group', { name: 'Link to a request' })).toBeHidden();
    await page.keyboard.press('l');
    const search = item.locator('input').and(item.getByLabel('Link to…'));
    await expect(search).toBeFocused();
    await search.pressSequentially(target.title.slice(0, 20), { delay: 10 });
    await page.getByRole('option', { name: target.title }).click();
    await expect(page.getByText(`Linked to “${target.title}”.`)).toBeVisible();
    await expect(item.getByRole('link', { name: target.title })).toBeVisible();

    // The ranked list: A's ARR × 3 joins B's ARR × 1, and A is a second customer.
    const linked = await requestFigures(page, target.title);
    expect(linked.pipelineArr).toBe(0);
    expect(linked.score).toBe(b.arr + 3 * a.arr);
    await expectRankedRow(page, target.title, { score: b.arr + 3 * a.arr, customers: 2 }, width);

    // Merge the other request into it: C's ARR × 2 moves over, and the old page points to the new.
    await page.goto(`/feedback/requests/${absorbed.id}`);
    await expect(page.getByRole('heading', { name: absorbed.title, level: 2 })).toBeVisible();
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const merge = page.getByRole('dialog', { name: `Merge “${absorbed.title}” into…` });
    await merge
      .locator('input')
      .and(merge.getByLabel('The request that stays'))
      .pressSequentially(target.title.slice(0, 20), { delay: 10 });
    await page.getByRole('option', { name: target.title }).click();
    await merge.getByRole('button', { name: 'Merge' }).click();
    await expect(page).toHaveURL(new RegExp(`/feedback/requests/${target.id}$`));
    await expect(page.getByRole('heading', { name: target.title, level: 2 })).toBeVisible();
    const merged = b.arr + 3 * a.arr + 2 * c.arr;
    await expect(page.getByRole('region', { name: 'Figures', exact: true })).toContainText(score.format(merged));
    await expect(page.getByRole('heading', { name: 'Accounts (3)' })).toBeVisible();
    const accountsTable = page.getByRole('table', { name: 'Accounts behind the request' });
    for (const account of [a, b, c]) await expect(accountsTable.getByRole('link', { name: account.name })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Feedback', exact: true }).locator('blockquote')).toHaveCount(3);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

    // A product manager plans it for a release.
    await page.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit request' });
    await pick(editor, 'Status', 'Planned');
    await editor.getByLabel('Target release').fill('2026.4');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
    await expect(page.getByLabel('Status: Planned')).toBeVisible();
    await expect(page.getByText('Target release: 2026.4')).toBeVisible();

    await page.goto(`/feedback/requests/${absorbed.id}`);
    await expect(page.getByText('Merged into')).toBeVisible();
    await page.getByRole('link', { name: `Go to “${target.title}”` }).click();
    await expect(page).toHaveURL(new RegExp(`/feedback/requests/${target.id}$`));
    await expectRankedRow(page, target.title, { score: merged, customers: 3 }, width);
  });
}
