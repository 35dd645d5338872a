import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expectNoHorizontalOverflow, pick, signIn, VIEWPORTS } from './helpers.js';

/**
 * Issue 18, spreadsheet import: a file with one bad row. The admin opens "Import" on the accounts
 * list, uploads a CSV whose name column the screen cannot guess, maps it, sees the preview flag
 * the bad row under its column, imports the rest, downloads the report of the row not imported,
 * and finds the new accounts in the list. Tickets come from an XLSX workbook the same way.
 */

const suffix = () => Date.now().toString(36).slice(-5);

async function chooseFile(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
  await page.getByRole('button', { name: 'Read the file' }).click();
}

for (const viewport of VIEWPORTS) {
  test.describe(`spreadsheet import (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('imports the valid accounts of a CSV with one bad row and reports that row', async ({ page }) => {
      const s = suffix();
      const names = [`Umbrella ${s}`, `Cyberdyne ${s}`, `Tyrell ${s}`];
      const csv = [
        'Customer,Domain,Segment,ARR,Renewal date',
        `${names[0]},umbrella-${s}.com,Enterprise,"$250,000",2027-03-31`,
        `${names[1]},cyberdyne-${s}.com,galactic,80k,2027-06-30`,
        `${names[2]},tyrell-${s}.com,Mid-market,120000,31 Dec 2027`,
      ].join('\n');

      await signIn(page);
      await page.goto('/accounts');
      await page.getByRole('link', { name: 'Import', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Import accounts', level: 2 })).toBeVisible();
      await chooseFile(page, 'accounts.csv', Buffer.from(csv), 'text/csv');

      // "Customer" is no header the screen knows for the name: every row waits for that column.
      const summary = page.getByLabel('Preview summary');
      await expect(summary).toHaveText('3 rows: 0 new, 0 to update, 3 with problems');
      await pick(page, 'Name', 'A · Customer');
      await expect(summary).toHaveText('3 rows: 2 new, 0 to update, 1 with problems');
      await expectNoHorizontalOverflow(page);

      // The preview lists the bad row by its number, with the reason under the Segment column.
      const table = page.getByRole('table', { name: 'Rows to import' });
      const bad = table.locator('tr[data-row="3"]');
      await expect(bad).toContainText('Not imported');
      await expect(bad).toContainText('galactic');
      await expect(bad.getByRole('note')).toContainText(/expected one of/i);
      await page.getByText('All rows').click();
      await expect(table.locator('tr[data-row="2"]')).toContainText('New');

      await page.getByRole('button', { name: 'Import 2 rows' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Imported' })).toContainText('2 new and 0 updated accounts');
      const notImported = page.getByRole('table', { name: 'Rows not imported' });
      await expect(notImported.locator('tbody tr')).toHaveCount(1);
      await expect(notImported.locator('tbody tr')).toContainText('C (Segment)');
      await expectNoHorizontalOverflow(page);

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download the report (CSV)' }).click();
      const report = await downloading;
      expect(report.suggestedFilename()).toBe('accounts-not-imported.csv');
      const rows = parse(await fs.readFile(await report.path()), { bom: true }) as string[][];
      expect(rows[0]).toEqual(['Row', 'Column', 'Reason']);
      expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([['3', 'C (Segment)']]);

      await page.getByRole('link', { name: 'Open the accounts' }).last().click();
      await page.getByPlaceholder('Name or e-mail domain').fill(s);
      const list = page.getByRole('table').first();
      await expect(list.getByText(names[0]!)).toBeVisible();
      await expect(list.getByText(names[2]!)).toBeVisible();
      await expect(list.getByText(names[1]!)).toHaveCount(0);
    });

    test('all or nothing refuses a workbook with one bad ticket; the valid rows go in after', async ({ page }) => {
      const s = suffix();
      const requester = `ops-${s}@umbrella-e2e-${s}.test`;
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Tickets').addRows([
        ['Subject', 'Description', 'Requester e-mail', 'Priority', 'Status', 'Tags', 'Created at'],
        [`VPN drops ${s}`, 'The VPN drops every hour', requester, 'High', 'Open', 'vpn, network', new Date(Date.UTC(2026, 0, 5, 9))],
        [`Bad priority ${s}`, 'Priority nobody knows', requester, 'whenever', 'Open', '', null],
        [`Invoice copy ${s}`, 'Please resend the invoice', requester, 'Low', 'Pending', 'billing', null],
      ]);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

      await signIn(page);
      // The requesters' domain belongs to an account, so new contacts land on it.
      await page.goto('/import/accounts');
      await chooseFile(page, 'account.csv', Buffer.from(`Name,Domain,Segment\nUmbrella E2E ${s},umbrella-e2e-${s}.test,smb\n`), 'text/csv');
      await page.getByRole('button', { name: 'Import 1 row' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Imported' })).toBeVisible();

      await page.goto('/tickets');
      await page.getByRole('link', { name: 'Import', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Import tickets', level: 2 })).toBeVisible();
      await chooseFile(page, 'tickets.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      await expect(page.getByLabel('Preview summary')).toHaveText('3 rows: 2 new, 0 to update, 1 with problems');
      await expect(page.getByRole('table', { name: 'Rows to import' }).locator('tr[data-row="3"]')).toContainText('whenever');
      await expectNoHorizontalOverflow(page);

      await page.getByLabel('All or nothing: import only if every row is valid').check();
      await expect(page.getByRole('button', { name: 'Import 2 rows' })).toBeDisabled();
      await page.getByLabel('Import the valid rows; download a report of the others').check();
      await page.getByRole('button', { name: 'Import 2 rows' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Imported' })).toContainText('2 new and 0 updated tickets');

      await page.getByRole('link', { name: 'Open the tickets' }).last().click();
      await page.goto(`/search?q=${encodeURIComponent(`VPN drops ${s}`)}`);
      await expect(page.getByText(`VPN drops ${s}`).first()).toBeVisible();
    });
  });
}
