import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apiGet, pick, signIn, signOut } from './helpers.js';

/**
 * Issue 17, the weekly timesheet: a demo engineer adds a row, logs time by keyboard (arrow keys
 * move, Enter saves and moves down), sees the totals change, reloads and finds it kept, copies last
 * week into the next one (a second copy is refused), downloads the week as CSV and XLSX, and an
 * engineering manager opens that week through the member picker — on a
 * desktop (1440 px) and a phone (390 px). Each viewport works in weeks of its own, long before the
 * demo's seeded time, and clears them first, so a rerun starts from the same place.
 */

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900, week: '2024-01-08', next: '2024-01-15', nextLabel: '15 Jan – 21 Jan 2024' },
  { name: 'phone', width: 390, height: 844, week: '2024-02-05', next: '2024-02-12', nextLabel: '12 Feb – 18 Feb 2024' },
];
const ENGINEER = 'ada.novak@outpost.local';

async function clearWeeks(page: Page, from: string, to: string) {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/api/auth/session');
  const entries = await apiGet<{ items: { id: string }[] }>(page, `/api/time-entries?from=${from}T00:00:00Z&to=${to}T00:00:00Z&limit=200`);
  for (const entry of entries.items) {
    const res = await page.request.delete(`/api/time-entries/${entry.id}`, { headers: { 'x-csrf-token': csrfToken } });
    expect(res.status()).toBe(204);
  }
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate<number>(`(() => {
    const doc = document.documentElement;
    return doc.scrollWidth - doc.clientWidth;
  })()`);
  expect(overflow).toBeLessThanOrEqual(1);
}

for (const viewport of VIEWPORTS) {
  const phone = viewport.name === 'phone';

  test(`an engineer fills in a week by keyboard, copies it and exports it (${viewport.name})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page, ENGINEER);
    await clearWeeks(page, '2024-01-01', '2024-03-01');

    if (phone) await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timesheet', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Timesheet', level: 2 })).toBeVisible();
    // A software engineer logs only their own time: no member picker.
    await expect(page.getByRole('combobox', { name: 'Member' })).toHaveCount(0);

    await page.goto(`/time?week=${viewport.week}`);
    await expect(page.getByText('No time this week')).toBeVisible();
    await page.getByRole('button', { name: 'Add row' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a row' });
    await pick(dialog, 'Category', 'Customer');
    await dialog.getByRole('button', { name: 'Add row' }).click();
    await expect(dialog).toBeHidden();

    const grid = page.getByRole('table', { name: 'Week timesheet' });
    const monday = grid.getByRole('textbox', { name: `Customer No link, ${viewport.week}` });
    await monday.click();
    await page.keyboard.type('1:30');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('45m');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('1.5');
    await page.keyboard.press('Enter');
    await expect(grid.getByTestId('week-total')).toHaveText('3:45');
    await expect(grid.getByTestId('row-total')).toHaveText(['3:45']);
    await expect(grid.getByTestId('day-total').nth(1)).toHaveText('0:45');
    await expect(page.getByTestId('capacity')).toContainText('3:45 of');

    // A wrong figure is refused in place, and a new one replaces the old.
    await monday.click();
    await page.keyboard.type('lots');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tooltip', { name: 'Type 1:30, 1.5 or 90m' })).toBeVisible();
    await monday.fill('2:00');
    await page.keyboard.press('Enter');
    await expect(grid.getByTestId('week-total')).toHaveText('4:15');

    await page.reload();
    await expect(grid.getByRole('textbox', { name: `Customer No link, ${viewport.week}` })).toHaveValue('2:00');
    await expect(grid.getByTestId('week-total')).toHaveText('4:15');
    await expectNoHorizontalOverflow(page);

    await page.getByRole('button', { name: 'Next week' }).click();
    await expect(page.getByTestId('week-label')).toHaveText(viewport.nextLabel);
    await expect(page).toHaveURL(new RegExp(`week=${viewport.next}`));
    await page.getByRole('button', { name: 'Copy last week' }).click();
    await expect(page.getByText('Copied 3 entries from last week.')).toBeVisible();
    await expect(grid.getByTestId('week-total')).toHaveText('4:15');
    await page.getByRole('button', { name: 'Copy last week' }).click();
    await expect(page.getByText(/already has time entries/)).toBeVisible();
    await expect(grid.getByTestId('week-total')).toHaveText('4:15');

    for (const format of ['CSV', 'XLSX']) {
      await page.getByRole('button', { name: 'Export' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: format }).click()]);
      expect(download.suggestedFilename()).toBe(
        `outpost-time-${viewport.next}-${viewport.next.replace(/\d\d$/, (d) => String(Number(d) + 6))}.${format.toLowerCase()}`,
      );
      const content = fs.readFileSync((await download.path())!);
      if (format === 'CSV') {
        const lines = content.toString('utf8').trim().split('\n');
        expect(lines[0]).toContain('Member,Date,Category,Minutes,Hours');
        expect(lines).toHaveLength(4);
        expect(lines[1]).toContain(`${viewport.next},customer,120,2,no`);
      } else {
        expect(content.subarray(0, 2).toString()).toBe('PK');
      }
    }
    await expectNoHorizontalOverflow(page);

    // An engineering manager (time.manage) picks whose week it is and sees the engineer's.
    const engineer = await apiGet<{ member: { id: string } }>(page, '/api/auth/session');
    await signOut(page);
    await signIn(page, 'ben.carter@outpost.local');
    await page.goto(`/time?week=${viewport.next}&member=${engineer.member.id}`);
    await expect(page.getByRole('combobox', { name: 'Member' })).toHaveValue('Ada Novak');
    await expect(grid.getByTestId('week-total')).toHaveText('4:15');
    await expectNoHorizontalOverflow(page);
  });
}
