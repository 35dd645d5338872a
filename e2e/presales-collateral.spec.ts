import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import PDFDocument from 'pdfkit';
import { apiCreate, pick, signIn } from './helpers.js';

/**
 * Issue 16, collateral: a sales engineer uploads a case study as a PDF, uploads a second version,
 * e-mails it for an opportunity to one of the account's contacts, sees it on the deal's Collateral
 * tab and in the item's send history, downloads the exact file, finds the item in the global
 * search, and deletes the send — on a desktop (1440 px) and a phone (390 px).
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

/** A small real PDF, as a marketing team would export it. */
function pdf(title: string, line: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(20).text(title).fontSize(11).text(line);
    doc.end();
  });
}

for (const viewport of VIEWPORTS) {
  test(`a case study uploaded twice, sent for a deal, seen on both sides and downloaded (${viewport.name})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const stamp = `${viewport.name}-${Date.now().toString(36)}`;
    const account = await apiCreate<{ id: string; name: string }>(page, '/api/accounts', {
      name: `Osprey Freight ${stamp}`,
      domains: [`osprey-${stamp}.test`],
      segment: 'enterprise',
    });
    await apiCreate(page, `/api/accounts/${account.id}/contacts`, {
      name: `Mara Quell ${stamp}`,
      email: `mara@osprey-${stamp}.test`,
      title: 'Head of Fleet',
    });
    const deal = await apiCreate<{ id: string; name: string }>(page, '/api/opportunities', {
      accountId: account.id,
      name: `Osprey fleet analytics ${stamp}`,
      stage: 'technical_validation',
      arr: 150000,
    });
    const title = `Fleet uptime case study ${stamp}`;
    const v1 = await pdf(title, 'First edition');
    const v2 = await pdf(title, 'Second edition with the twelve-month figures');

    // Upload the case study: the file and its details.
    await page.goto('/presales/collateral');
    await expect(page.getByRole('heading', { name: 'Collateral', level: 2 })).toBeVisible();
    await page.getByRole('button', { name: 'Upload collateral' }).click();
    const upload = page.getByRole('dialog', { name: 'Upload collateral' });
    await upload.locator('input[type="file"]').setInputFiles({ name: 'fleet-uptime.pdf', mimeType: 'application/pdf', buffer: v1 });
    await expect(upload.getByLabel(/^Title/)).toHaveValue('fleet uptime');
    await upload.getByLabel(/^Title/).fill(title);
    await pick(upload, 'Kind', 'Case study');
    await upload.getByLabel('Product area').fill('Beacon Analytics');
    await upload.getByLabel('Tags').fill('logistics');
    await upload.getByLabel('Tags').press('Enter');
    await upload.getByLabel('Version note').fill('First edition');
    await upload.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(upload).toBeHidden();

    // The new item opens in its drawer, version 1 current.
    const drawer = page.getByRole('dialog', { name: 'Collateral item' });
    await expect(drawer.getByRole('heading', { name: title })).toBeVisible();
    const versions = drawer.getByTestId('collateral-version');
    await expect(versions).toHaveCount(1);
    await expect(versions.first()).toContainText('Version 1');
    await expect(versions.first()).toContainText('Current');

    // A second version becomes the current one; the first stays listed.
    await drawer.getByRole('button', { name: 'Upload new version' }).click();
    const next = page.getByRole('dialog', { name: `New version of “${title}”` });
    await next.locator('input[type="file"]').setInputFiles({ name: 'fleet-uptime-v2.pdf', mimeType: 'application/pdf', buffer: v2 });
    await next.getByLabel('What changed').fill('Twelve-month figures');
    await next.getByRole('button', { name: 'Upload version 2' }).click();
    await expect(next).toBeHidden();
    await expect(versions).toHaveCount(2);
    await expect(versions.first()).toContainText('Version 2');
    await expect(versions.first()).toContainText('Current');
    await expect(versions.first()).toContainText('Twelve-month figures');
    await expect(versions.nth(1)).toContainText('Version 1');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // The library finds it by its tag, in the grid and in the list.
    await page.getByLabel('Search').fill(stamp);
    const card = page.getByTestId('collateral-card').filter({ hasText: title });
    await expect(card).toBeVisible();
    await expect(card).toContainText('v2 · PDF');
    await expectNoHorizontalOverflow(page);
    await page.getByLabel('Layout').locator('label').filter({ hasText: 'List' }).click();
    await expect(page.getByRole('table', { name: 'Collateral' }).getByRole('row', { name: new RegExp(title) })).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // Sent for the deal, from its Collateral tab, to the account's contact.
    await page.goto(`/presales/opportunities/${deal.id}?tab=collateral`);
    await expect(page.getByText('Nothing sent yet')).toBeVisible();
    await page.getByRole('button', { name: 'Send collateral' }).click();
    const send = page.getByRole('dialog', { name: 'Send collateral' });
    await send.getByLabel(/^Collateral/).fill(stamp);
    await page.getByRole('option', { name: `${title} · Case study` }).click();
    await expect(send.getByLabel(/^Version/)).toHaveValue(/^Version 2 \(current\)/);
    await pick(send, `Sent to (contacts at ${account.name})`, `Mara Quell ${stamp} — Head of Fleet`);
    await send.getByLabel('Note').fill('After the fleet review');
    await expect(send.getByText(/one e-mail with version 2/)).toBeVisible();
    await send.getByRole('button', { name: 'Send by e-mail' }).click();
    await expect(send).toBeHidden();
    const sent = page.getByTestId('collateral-send').filter({ hasText: title });
    await expect(sent).toContainText('Version 2 · PDF');
    await expect(sent).toContainText(/E-mail queued|E-mailed/);
    await expect(sent).toContainText(`To Mara Quell ${stamp}`);
    await expect(sent).toContainText('After the fleet review');
    await expectNoHorizontalOverflow(page);

    // The item's history names the deal; the download is the second version's exact bytes.
    await sent.getByRole('link', { name: title, exact: true }).click();
    await expect(drawer.getByRole('heading', { name: title })).toBeVisible();
    await drawer.getByRole('tab', { name: 'Send history (1)' }).click();
    const history = drawer.getByTestId('collateral-send');
    await expect(history).toHaveCount(1);
    await expect(history.getByRole('link', { name: deal.name })).toBeVisible();
    await expect(history).toContainText('Version 2');
    const downloading = page.waitForEvent('download');
    await drawer.getByRole('link', { name: 'Download v2' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('fleet-uptime-v2.pdf');
    expect((await fs.readFile(await download.path())).equals(v2)).toBe(true);
    await expectNoHorizontalOverflow(page);

    // A send recorded by mistake is deleted from the history, after a confirmation.
    await history.getByRole('button', { name: `Delete the send of “${title}” for ${deal.name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Delete this send of “${title}”?` });
    await expect(confirm).toContainText('not recalled');
    await confirm.getByRole('button', { name: 'Delete send' }).click();
    await expect(confirm).toBeHidden();
    await expect(history).toHaveCount(0);
    await expect(drawer.getByRole('tab', { name: 'Send history (0)' })).toBeVisible();
    await page.keyboard.press('Escape');

    // The global search finds the item by a word of its title and opens it in the library.
    await page.goto(`/search?q=${encodeURIComponent(stamp)}&type=collateral`);
    const result = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').filter({ hasText: title });
    await expect(result).toContainText('Collateral');
    await expectNoHorizontalOverflow(page);
    await result.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(/\/presales\/collateral\?item=/);
    await expect(drawer.getByRole('heading', { name: title })).toBeVisible();
  });
}
