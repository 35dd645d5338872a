import fs from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { expectNoHorizontalOverflow, pick, signIn, VIEWPORTS } from './helpers.js';

/** Opens the list's Export menu, picks a format and waits for the file the browser is handed. */
async function exportAs(page: Page, format: 'CSV' | 'Excel (XLSX)'): Promise<Download> {
  await page.getByRole('button', { name: 'Export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: format }).click();
  return downloading;
}

async function workbookRows(download: Download): Promise<{ sheet: ExcelJS.Worksheet; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fs.readFile(await download.path())) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

for (const viewport of VIEWPORTS) {
  test.describe(`list exports (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('the filtered ticket queue exports to an XLSX file holding the rows on screen', async ({ page }) => {
      await signIn(page);
      await page.goto('/tickets?view=view-waiting');
      await expect(page.getByRole('heading', { name: 'Waiting on customer', level: 2 })).toBeVisible();
      const numbers = page.getByRole('table', { name: 'Tickets' }).locator('tbody tr td:first-child');
      await expect(numbers.first()).toHaveText(/^#\d+$/);
      await expectNoHorizontalOverflow(page);
      const onScreen = (await numbers.allTextContents()).map((text) => Number(text.replace('#', '')));

      const download = await exportAs(page, 'Excel (XLSX)');
      expect(download.suggestedFilename()).toMatch(/^tickets-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const { sheet, rows } = await workbookRows(download);
      const [header, ...tickets] = rows;
      expect(header?.slice(0, 3)).toEqual(['Number', 'Subject', 'Status']);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      // Every page of the view, in the queue's order: the screen's loaded rows come first.
      expect(tickets.slice(0, onScreen.length).map((r) => r[0])).toEqual(onScreen);
      expect(new Set(tickets.map((r) => r[2]))).toEqual(new Set(['pending']));
      expect(tickets.every((r) => typeof r[0] === 'number')).toBe(true);
    });

    test('the accounts list exports its filtered rows to CSV', async ({ page }) => {
      await signIn(page);
      await page.goto('/accounts');
      await pick(page, 'Segment', 'Strategic');
      await expect(page).toHaveURL(/segment=strategic/);
      const names = page.getByRole('table').locator('tbody tr td:first-child a');
      await expect(names.first()).toBeVisible();
      await expect(page.getByRole('table').locator('tbody tr td:nth-child(2)').first()).toHaveText('Strategic');
      await expectNoHorizontalOverflow(page);
      const onScreen = await names.allTextContents();

      const download = await exportAs(page, 'CSV');
      expect(download.suggestedFilename()).toMatch(/^accounts-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = await fs.readFile(await download.path(), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, ...accounts] = parse(text.slice(1)) as string[][];
      expect(header?.slice(0, 3)).toEqual(['Name', 'Domains', 'Segment']);
      expect(accounts.slice(0, onScreen.length).map((r) => r[0])).toEqual(onScreen);
      expect(new Set(accounts.map((r) => r[2]))).toEqual(new Set(['strategic']));
    });
  });
}
