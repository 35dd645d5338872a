import { expect, test, type Page } from '@playwright/test';
import { apiCreate, apiGet, signIn } from './helpers.js';

/**
 * Issue 16, the answer library: a sales engineer (owner of part of the demo library) searches it
 * in other words than an entry's question, opens an entry of theirs and edits its phrasings, then
 * marks a stale entry reviewed from the "Due for review" tab and sees it leave the queue — on a
 * desktop (1440 px) and a phone (390 px).
 */

const DANIEL = 'daniel.kim@outpost.local';

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

interface Entry {
  id: string;
  question: string;
  stale: boolean;
  variants: { id: string; text: string }[];
}

for (const viewport of VIEWPORTS) {
  test(`search the library, edit a phrasing, review a stale entry (${viewport.name})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page, DANIEL);
    const phone = viewport.name === 'phone';
    const listOf = (name: string) => page.getByRole(phone ? 'list' : 'table', { name });
    const stamp = `${viewport.name}${Date.now().toString(36)}`;

    // Search in other words than the entry's question: a phrasing finds it, best match first.
    await page.goto('/presales/library');
    await expect(page.getByRole('heading', { name: 'Answer library', level: 2 })).toBeVisible();
    await page.getByPlaceholder('Question or answer words').fill('encrypt stored data');
    const results = listOf('Library entries');
    await expect(page.getByText('best match first')).toBeVisible();
    await expect(results.getByRole('button').first()).toHaveText('Is customer data encrypted at rest?');
    await expectNoHorizontalOverflow(page);

    // An entry of his own: add a phrasing and remove another in the entry's drawer.
    const mine = await apiCreate<Entry>(page, '/api/library/entries', {
      question: `Are ${stamp} webhook payloads signed?`,
      variants: [`Do you sign ${stamp} webhooks?`],
      shortAnswer: 'yes',
      longAnswer: 'Every webhook carries an HMAC-SHA256 signature of its body.',
      productArea: 'Integrations',
      status: 'approved',
    });
    await page.getByPlaceholder('Question or answer words').fill(`${stamp} webhook`);
    await results.getByRole('button', { name: mine.question }).click();
    const drawer = page.getByRole('dialog', { name: 'Library entry' });
    await expect(drawer.getByRole('heading', { name: mine.question })).toBeVisible();
    const phrasings = drawer.getByRole('list', { name: 'Other phrasings' });
    await expect(phrasings.getByText(`Do you sign ${stamp} webhooks?`)).toBeVisible();
    await drawer.getByLabel('New phrasing').fill(`How can we verify ${stamp} webhook signatures?`);
    await drawer.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(phrasings.getByText(`How can we verify ${stamp} webhook signatures?`)).toBeVisible();
    await drawer.getByRole('button', { name: `Remove phrasing “Do you sign ${stamp} webhooks?”` }).click();
    await expect(phrasings.getByText(`Do you sign ${stamp} webhooks?`)).toHaveCount(0);
    await expectNoHorizontalOverflow(page);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    const saved = await apiGet<Entry>(page, `/api/library/entries/${mine.id}`);
    expect(saved.variants.map((v) => v.text)).toEqual([`How can we verify ${stamp} webhook signatures?`]);
    // The new phrasing is searchable at once.
    await page.getByPlaceholder('Question or answer words').fill(`verify ${stamp} signatures`);
    await expect(results.getByRole('button').first()).toHaveText(mine.question);

    // The review queue: his stale entries, most overdue first; reviewing one takes it out.
    const queue = await apiGet<{ items: Entry[] }>(page, '/api/library/review-queue?owner=me');
    const stale = queue.items.find((e) => e.stale);
    expect(stale, 'the demo library gives Daniel stale entries to review').toBeDefined();
    await page.getByRole('tab', { name: /Due for review/ }).click();
    await expect(page).toHaveURL(/tab=review/);
    const due = listOf('Due for review');
    await expect(due.getByRole('button', { name: stale!.question, exact: true })).toBeVisible();
    await expect(due.getByText('Stale').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await due.getByRole('button', { name: `Mark “${stale!.question}” reviewed` }).click();
    await expect(page.getByText(/Marked reviewed: next review due/)).toBeVisible();
    await expect(due.getByRole('button', { name: stale!.question, exact: true })).toHaveCount(0);
    const after = await apiGet<Entry & { lastReviewedBy: { name: string } }>(page, `/api/library/entries/${stale!.id}`);
    expect(after.stale).toBe(false);
    expect(after.lastReviewedBy.name).toBe('Daniel Kim');
  });
}
