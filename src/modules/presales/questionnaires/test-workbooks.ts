import ExcelJS from 'exceljs';

/**
 * Tests' security questionnaire, built the way customers' workbooks look: an instructions sheet, a
 * title above a styled header, section headings merged across the row, a Yes/No column with a
 * drop-down (data validation), a formula that counts the Yes answers, and the awkward rows the
 * import must report (an empty row, a repeated header, a formula question, a vertically merged
 * question, a pre-filled answer, a summary row). Row numbers are what the tests check against.
 */
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
export const ANSWER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
export const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

export const ACCESS_QUESTIONS = {
  4: 'Do you enforce multi-factor authentication for all administrative access?',
  5: 'Do you support single sign-on with SAML 2.0 or OpenID Connect?',
  7: 'Are user access rights reviewed at least quarterly?',
  10: 'Are security events logged centrally and retained for at least 12 months?',
  12: 'Is audit log data protected against tampering?',
  13: 'Do you perform an annual penetration test by an independent firm?',
} as const;

export const DATA_QUESTIONS = {
  2: 'Is customer data encrypted at rest using AES-256 or stronger?',
  3: 'Is data encrypted in transit with TLS 1.2 or higher?',
  4: 'Who manages the encryption keys?',
  5: 'How often are backups taken, and how often are restores tested?',
} as const;

function styleHeader(row: ExcelJS.Row) {
  row.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
}

export function securityWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Northwind Procurement';

  const intro = wb.addWorksheet('Instructions');
  intro.getCell('A1').value = 'Northwind vendor security assessment';
  intro.getCell('A1').font = { bold: true, size: 14 };
  intro.getCell('A3').value =
    'Answer every question in the Yes/No column and explain your answer in Comments. Do not change the layout of the sheets.';

  const ac = wb.addWorksheet('Access Control');
  ac.columns = [{ width: 8 }, { width: 70 }, { width: 10 }, { width: 50 }];
  ac.getCell('A1').value = 'Section A: access control';
  ac.getCell('A1').font = { bold: true, size: 13 };
  ac.getRow(2).values = ['ID', 'Question', 'Yes/No', 'Comments'];
  styleHeader(ac.getRow(2));
  ac.getCell('A3').value = 'A.1';
  ac.getCell('B3').value = 'Identity and authentication';
  ac.mergeCells('B3:D3');
  ac.getCell('B3').font = { bold: true };
  ac.getCell('B3').fill = SECTION_FILL;
  const question = (row: number, id: string, text: string) => {
    ac.getCell(`A${row}`).value = id;
    ac.getCell(`B${row}`).value = text;
    ac.getCell(`B${row}`).alignment = { wrapText: true };
    ac.getCell(`C${row}`).fill = ANSWER_FILL;
    ac.getCell(`C${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Yes,No,N/A"'] };
    ac.getCell(`D${row}`).fill = ANSWER_FILL;
  };
  question(4, 'A.1.1', ACCESS_QUESTIONS[4]);
  question(5, 'A.1.2', ACCESS_QUESTIONS[5]);
  // Row 6 left empty.
  question(7, 'A.1.3', ACCESS_QUESTIONS[7]);
  ac.getRow(8).values = ['ID', 'Question', 'Yes/No', 'Comments'];
  ac.getCell('A9').value = 'A.2';
  ac.getCell('B9').value = 'Logging and monitoring';
  ac.mergeCells('B9:D9');
  ac.getCell('B9').font = { bold: true };
  question(10, 'A.2.1', ACCESS_QUESTIONS[10]);
  ac.getCell('A11').value = 'A.2.2';
  ac.getCell('B11').value = { formula: '"Do you alert on "&"failed sign-ins?"', result: 'Do you alert on failed sign-ins?' };
  question(12, 'A.2.3', ACCESS_QUESTIONS[12]);
  ac.getCell('D12').value = { formula: 'IF(C12="Yes","See SOC 2 report","")', result: '' };
  question(13, 'A.2.4', ACCESS_QUESTIONS[13]);
  ac.mergeCells('B13:B14');
  ac.getCell('A14').value = 'A.2.4b';
  // Row 15 empty; row 16 counts the answers.
  ac.getCell('A16').value = 'Answered Yes';
  ac.getCell('C16').value = { formula: 'COUNTIF(C4:C14,"Yes")', result: 0 };
  ac.getCell('C16').font = { bold: true };

  const dp = wb.addWorksheet('Data Protection');
  dp.columns = [{ width: 16 }, { width: 70 }, { width: 60 }, { width: 40 }];
  dp.getRow(1).values = ['Category', 'Question', 'Response', 'Comments'];
  styleHeader(dp.getRow(1));
  dp.getCell('A2').value = 'Encryption';
  dp.mergeCells('A2:A4');
  for (const [row, text] of Object.entries(DATA_QUESTIONS)) {
    dp.getCell(`B${row}`).value = text;
    dp.getCell(`C${row}`).fill = ANSWER_FILL;
  }
  dp.getCell('C4').value = 'Customer-managed keys are available on request';
  dp.getCell('A5').value = 'Backup';
  dp.getCell('B6').value = 'Questions in this sheet';
  dp.getCell('C6').value = { formula: 'COUNTA(B2:B5)', result: 4 };
  dp.getCell('F1').value = { formula: 'COUNTA(B2:B5)', result: 4 };

  const signOff = wb.addWorksheet('Sign-off');
  signOff.getRow(1).values = ['Question', 'Answer', 'Date'];
  styleHeader(signOff.getRow(1));
  return wb;
}

export async function securityWorkbookBytes(): Promise<Buffer> {
  return Buffer.from(await securityWorkbook().xlsx.writeBuffer());
}

/** The mapping a person would confirm for the workbook above. */
export const SECURITY_MAPPING = {
  sheets: [
    { sheet: 'Instructions', skip: true },
    {
      sheet: 'Access Control',
      headerRow: 2,
      referenceColumn: 'A',
      questionColumn: 'B',
      shortAnswerColumn: 'C',
      commentColumn: 'D',
    },
    { sheet: 'Data Protection', headerRow: 1, sectionColumn: 'A', questionColumn: 'B', answerColumn: 'C', commentColumn: 'D' },
    { sheet: 'Sign-off', headerRow: 1, questionColumn: 'A', answerColumn: 'B' },
  ],
};

/** A plain workbook of `count` questions on one sheet (the 5,000-question import). */
export async function largeWorkbookBytes(count: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Questions');
  ws.addRow(['#', 'Domain', 'Question', 'Answer', 'Notes']);
  const domains = ['Governance', 'Access control', 'Cryptography', 'Operations', 'Incident response'];
  for (let i = 1; i <= count; i++)
    ws.addRow([i, domains[Math.floor((i - 1) / (count / domains.length))], `Control question ${i}: describe how requirement ${i} is met.`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
