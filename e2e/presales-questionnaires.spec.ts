import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { apiCreate, pick, signIn } from './helpers.js';

/**
 * Issue 16, questionnaires: a security questionnaire arrives as an XLSX workbook with two sheets,
 * a styled header, merged section headings, Yes/No drop-downs and a formula. The sales engineer
 * imports it, maps the columns, auto-fills from the answer library, assigns a section to an expert,
 * approves answers (from the keyboard too) and exports. The exported file is opened with exceljs:
 * each approved answer sits in its mapped cell, the styles, merges, drop-downs and formulas are
 * unchanged, and no other cell differs from the original.
 */

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const ANSWER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const MFA = 'Do you enforce multi-factor authentication for all administrative access?';
const AT_REST = 'Is customer data encrypted at rest with AES-256 or stronger?';

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate<number>(`(() => {
    const doc = document.documentElement;
    const main = document.querySelector('main');
    return Math.max(doc.scrollWidth - doc.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  })()`);
  expect(overflow).toBeLessThanOrEqual(1);
}

/** The customer's workbook. */
async function securityWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const header = (row: ExcelJS.Row) =>
    row.eachCell((cell) => {
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = HEADER_FILL;
    });
  const ac = wb.addWorksheet('Access Control');
  ac.columns = [{ width: 8 }, { width: 70 }, { width: 10 }, { width: 40 }];
  ac.getCell('A1').value = 'Vendor security assessment: access control';
  ac.getCell('A1').font = { bold: true, size: 14 };
  ac.getRow(2).values = ['ID', 'Question', 'Yes/No', 'Comments'];
  header(ac.getRow(2));
  const section = (row: number, id: string, title: string) => {
    ac.getCell(`A${row}`).value = id;
    ac.getCell(`B${row}`).value = title;
    ac.mergeCells(`B${row}:D${row}`);
    ac.getCell(`B${row}`).font = { bold: true };
  };
  const question = (row: number, id: string, text: string) => {
    ac.getCell(`A${row}`).value = id;
    ac.getCell(`B${row}`).value = text;
    for (const col of ['C', 'D']) ac.getCell(`${col}${row}`).fill = ANSWER_FILL;
    ac.getCell(`C${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Yes,No,N/A"'] };
  };
  section(3, 'A.1', 'Identity and authentication');
  question(4, 'A.1.1', MFA);
  question(5, 'A.1.2', 'Do you support single sign-on with SAML 2.0 or OpenID Connect?');
  question(6, 'A.1.3', 'Are user access rights reviewed at least quarterly?');
  section(7, 'A.2', 'Logging and monitoring');
  question(8, 'A.2.1', 'Are security events logged centrally and kept for at least a year?');
  question(9, 'A.2.2', 'Is audit log data protected against tampering?');
  ac.getCell('A11').value = 'Answered Yes';
  ac.getCell('C11').value = { formula: 'COUNTIF(C4:C9,"Yes")', result: 0 };

  const dp = wb.addWorksheet('Data Protection');
  dp.columns = [{ width: 16 }, { width: 70 }, { width: 60 }, { width: 30 }];
  dp.getRow(1).values = ['Category', 'Question', 'Vendor response', 'Notes'];
  header(dp.getRow(1));
  dp.getCell('A2').value = 'Encryption';
  dp.mergeCells('A2:A3');
  dp.getCell('B2').value = AT_REST;
  dp.getCell('B3').value = 'Is data encrypted in transit with TLS 1.2 or higher?';
  dp.getCell('A4').value = 'Backup';
  dp.getCell('B4').value = 'How often are backups taken, and how often are restores tested?';
  for (const r of [2, 3, 4]) dp.getCell(`C${r}`).fill = ANSWER_FILL;
  dp.getCell('F1').value = { formula: 'COUNTA(B2:B4)', result: 3 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every cell holding a value or a style: both, by "Sheet!A1". */
function cells(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.value === null && Object.keys(cell.style ?? {}).length === 0) return;
        out.set(`${ws.name}!${cell.address}`, JSON.stringify({ value: cell.value, style: cell.style }));
      }),
    );
  return out;
}

interface ApiQuestion {
  id: string;
  sheet: string;
  rowNumber: number;
  status: string;
  answerShort: string | null;
  answer: string | null;
  comment: string | null;
  cells: { shortAnswer: string | null; answer: string | null; comment: string | null };
}

/** Where each approved answer must be, by the export's rule (see questionnaire-export.ts). */
function expectedCells(q: ApiQuestion): [string, string][] {
  const short = q.answerShort?.trim() || null;
  const long = q.answer?.trim() || null;
  const out: [string, string][] = [];
  if (q.cells.shortAnswer && q.cells.answer) {
    if (short) out.push([q.cells.shortAnswer, short]);
    if (long) out.push([q.cells.answer, long]);
  } else if (q.cells.shortAnswer) {
    if (short ?? long) out.push([q.cells.shortAnswer, (short ?? long)!]);
  } else if (q.cells.answer && (short ?? long)) {
    const whole = short && long ? (long.toLowerCase().startsWith(short.toLowerCase()) ? long : `${short}. ${long}`) : (long ?? short)!;
    out.push([q.cells.answer, whole]);
  }
  if (q.cells.comment && q.comment?.trim()) out.push([q.cells.comment, q.comment.trim()]);
  return out.map(([cell, value]) => [`${q.sheet}!${cell}`, value]);
}

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
}

test('a security workbook imported, mapped, auto-filled, assigned, approved and exported into the same workbook (desktop)', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  const stamp = Date.now().toString(36);
  const account = await apiCreate<{ id: string; name: string }>(page, '/api/accounts', {
    name: `Northwind Bank ${stamp}`,
    domains: [`northwind-${stamp}.test`],
    segment: 'enterprise',
  });
  await apiCreate(page, '/api/opportunities', {
    accountId: account.id,
    name: `Northwind SOC analytics ${stamp}`,
    stage: 'proposal',
    arr: 300000,
  });
  // The answer library knows two of the questions (an admin approves entries as they are written).
  await apiCreate(page, '/api/library/entries', {
    question: 'Do you enforce MFA for all administrative access?',
    variants: [MFA],
    shortAnswer: 'yes',
    longAnswer: 'Every administrator signs in through our identity provider with phishing-resistant MFA.',
    status: 'approved',
  });
  await apiCreate(page, '/api/library/entries', {
    question: 'Is customer data encrypted at rest?',
    variants: [AT_REST],
    shortAnswer: 'yes',
    longAnswer: 'Yes: AES-256 on every volume and backup, keys in a managed KMS rotated yearly.',
    status: 'approved',
  });
  const original = await securityWorkbook();
  const title = `Northwind vendor assessment ${stamp}`;

  // Import: the details and the file.
  await page.goto('/presales/questionnaires');
  await expect(page.getByRole('heading', { name: 'Questionnaires', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Import questionnaire' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import questionnaire' });
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'northwind-assessment.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: original,
  });
  await expect(dialog.getByLabel(/^Title/)).toHaveValue('northwind assessment');
  await dialog.getByLabel(/^Title/).fill(title);
  await dialog.getByLabel('Account').fill(`Northwind Bank ${stamp}`);
  await page.getByRole('option', { name: account.name }).click();
  await pick(dialog, 'Opportunity', `Northwind SOC analytics ${stamp}`);
  await dialog.getByRole('button', { name: 'Upload and map columns' }).click();

  // Map the columns: one tab per sheet, the guess shown on the preview grid.
  await expect(dialog.getByRole('tab', { name: /Access Control/ })).toBeVisible();
  await dialog.getByRole('tab', { name: /Access Control/ }).click();
  await expect(dialog.getByLabel('Header row')).toHaveValue('2');
  await pick(dialog, 'Question column', 'B · Question');
  await pick(dialog, 'Yes / No column', 'C · Yes/No');
  await pick(dialog, 'Comment column', 'D · Comments');
  await expect(dialog.getByRole('table', { name: 'Rows of Access Control' })).toContainText(MFA);
  await dialog.getByRole('tab', { name: /Data Protection/ }).click();
  await pick(dialog, 'Answer column', 'C · Vendor response');
  await pick(dialog, 'Section column', 'A · Category');
  await dialog.getByRole('button', { name: 'Import questions' }).click();

  // The report: every question and every row left out, with its reason.
  await expect(dialog.getByText('Imported 8 questions in 4 sections')).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Import report' })).toContainText('row 11');
  await dialog.getByRole('button', { name: 'Open the questionnaire' }).click();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  const questionnaireId = page.url().split('/').pop()!.split('?')[0]!;

  // Auto-fill from the library.
  await page.getByRole('button', { name: 'Auto-fill' }).click();
  await page.getByRole('button', { name: 'Suggest answers' }).click();
  await expect(page.getByText(/suggestions? from the library/)).toBeVisible();
  const list = page.getByRole('list', { name: 'Questions' });
  const first = list.getByRole('listitem', { name: 'Question A.1.1' });
  await expect(first.getByText('Suggested', { exact: true })).toBeVisible();
  await expect(first.getByLabel('Library suggestion')).toContainText('phishing-resistant MFA');

  // From the keyboard: accept the suggestion (a), approve it (p).
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press('a');
  await expect(first.getByText('Drafted', { exact: true })).toBeVisible();
  await page.keyboard.press('p');
  await expect(first.getByText('Approved', { exact: true })).toBeVisible();

  // n: the next question without an answer; e: into the answer box; write, save, approve.
  await page.keyboard.press('n');
  const second = list.getByRole('listitem', { name: 'Question A.1.2' });
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('e');
  await page.keyboard.type('SAML 2.0 and OpenID Connect, with any standards-based identity provider.');
  await second.getByRole('radiogroup', { name: 'Short answer' }).getByText('Yes', { exact: true }).click();
  await second.getByLabel('Comment').fill('Configured per tenant by the customer’s admin');
  await second.getByRole('button', { name: 'Save draft' }).click();
  await expect(second.getByText('Drafted', { exact: true })).toBeVisible();
  await second.getByRole('button', { name: /^Approve/ }).click();
  await expect(second.getByText('Approved', { exact: true })).toBeVisible();

  // The data protection sheet: the suggestion accepted and approved with the mouse.
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: /^Encryption/ })
    .click();
  const atRest = list.getByRole('listitem').filter({ hasText: AT_REST });
  await atRest.click();
  await atRest.getByRole('button', { name: /Accept suggestion/ }).click();
  await expect(atRest.getByText('Drafted', { exact: true })).toBeVisible();
  await atRest.getByRole('button', { name: /^Approve/ }).click();
  await expect(atRest.getByText('Approved', { exact: true })).toBeVisible();

  // Assign one section to an expert, with a due date.
  await page.getByRole('button', { name: 'Assign section Logging and monitoring' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign section' });
  await pick(assign, 'Expert', 'Elena Petrova');
  await assign.getByLabel('Due').fill('2031-02-20');
  await assign.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByText(/2 questions assigned; the expert was told/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toContainText('Elena Petrova');

  // Export the workbook and open it.
  await page.getByRole('button', { name: 'Export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Workbook: approved answers' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('northwind-assessment - answered.xlsx');
  const exported = await fs.readFile((await download.path())!);

  const approved = (
    (await (await page.request.get(`/api/questionnaires/${questionnaireId}/questions?status=approved`)).json()) as { items: ApiQuestion[] }
  ).items;
  expect(approved).toHaveLength(3);
  const targets = new Map(approved.flatMap(expectedCells));
  expect(targets.get('Access Control!C4')).toBe('Yes');
  expect(targets.get('Access Control!C5')).toBe('Yes');
  expect(targets.get('Access Control!D5')).toBe('Configured per tenant by the customer’s admin');
  expect(targets.get('Data Protection!C2')).toBe('Yes: AES-256 on every volume and backup, keys in a managed KMS rotated yearly.');

  const before = await load(original);
  const after = await load(exported);
  expect(after.worksheets.map((w) => w.name)).toEqual(['Access Control', 'Data Protection']);
  for (const [address, value] of targets) {
    const [sheet, cell] = address.split('!') as [string, string];
    expect(after.getWorksheet(sheet)!.getCell(cell).value, address).toBe(value);
  }
  // Styles, merges, drop-downs and formulas as they were.
  const ac = after.getWorksheet('Access Control')!;
  expect(ac.getCell('B2').fill).toEqual(HEADER_FILL);
  expect(ac.getCell('B2').font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
  expect(ac.getCell('C4').fill).toEqual(ANSWER_FILL);
  expect(ac.getCell('C4').dataValidation).toMatchObject({ type: 'list', formulae: ['"Yes,No,N/A"'] });
  expect(ac.getCell('C11').formula).toBe('COUNTIF(C4:C9,"Yes")');
  expect(after.getWorksheet('Data Protection')!.getCell('F1').formula).toBe('COUNTA(B2:B4)');
  expect([...ac.model.merges].sort()).toEqual([...before.getWorksheet('Access Control')!.model.merges].sort());
  // Nothing written anywhere else.
  const old = cells(before);
  const now = cells(after);
  for (const [address, value] of old) if (!targets.has(address)) expect(now.get(address), address).toBe(value);
  for (const address of now.keys()) if (!old.has(address)) expect(targets.has(address), `new cell ${address}`).toBe(true);
});

test('the questionnaire workspace on a phone: the list as cards, the questions, an answer written (390 px)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const stamp = Date.now().toString(36);
  const account = await apiCreate<{ id: string }>(page, '/api/accounts', {
    name: `Osprey Credit ${stamp}`,
    domains: [`osprey-credit-${stamp}.test`],
    segment: 'mid_market',
  });
  const title = `Osprey security review ${stamp}`;
  const questionnaire = await apiCreate<{ id: string }>(page, '/api/questionnaires', { accountId: account.id, title, kind: 'security' });
  const token = await csrf(page);
  const uploaded = await page.request.post(`/api/questionnaires/${questionnaire.id}/workbook`, {
    headers: { 'x-csrf-token': token },
    multipart: { file: { name: 'osprey.xlsx', mimeType: 'application/octet-stream', buffer: await securityWorkbook() } },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(200);
  const preview = (await uploaded.json()) as { sheets: { guess: unknown }[] };
  const mapped = await page.request.put(`/api/questionnaires/${questionnaire.id}/mapping`, {
    headers: { 'x-csrf-token': token },
    data: { sheets: preview.sheets.map((s) => s.guess) },
  });
  expect(mapped.status(), await mapped.text()).toBe(200);

  await page.goto('/presales/questionnaires');
  await expect(page.getByRole('heading', { name: 'Questionnaires', level: 2 })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expect(page.locator('input').and(page.getByLabel('Section', { exact: true }))).toBeVisible();
  const list = page.getByRole('list', { name: 'Questions' });
  const first = list.getByRole('listitem', { name: 'Question A.1.1' });
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await first.getByLabel('Answer', { exact: true }).fill('Phishing-resistant MFA for every administrator.');
  await first.getByRole('button', { name: 'Save draft' }).click();
  await expect(first.getByText('Drafted', { exact: true })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  // The keyboard help is one tap away.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('table', { name: 'Keyboard shortcuts' })).toContainText('Next question without an answer');
});
