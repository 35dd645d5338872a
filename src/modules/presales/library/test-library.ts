import ExcelJS from 'exceljs';

/** Helpers for the answer library's tests: multipart uploads and spreadsheets built in code. */

/** A multipart/form-data body with one file and text fields, as the import dialog sends it. */
export function multipartUpload(filename: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const boundary = '----outpostlibraryimport';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** One CSV line, every cell quoted. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
}

/**
 * A library workbook as teams keep them: an instructions sheet first (no question column), then
 * the library with a title row above a styled header, a product area merged down two rows, a
 * formula cell and "Alternate question" columns.
 */
export async function libraryWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const intro = wb.addWorksheet('Read me');
  intro.getCell('A1').value = 'Answer library export';
  intro.getCell('A2').value = 'One entry per row on the next sheet.';
  const sheet = wb.addWorksheet('Library');
  sheet.getCell('A1').value = 'Security answers — approved by the security team';
  sheet.addRow([]);
  const header = sheet.getRow(3);
  header.values = ['Question', 'Alternate question', 'Alternate question 2', 'Yes/No', 'Answer', 'Product area', 'Tags', 'Owner e-mail'];
  header.font = { bold: true };
  sheet.getRow(4).values = [
    'Do you rotate encryption keys?',
    'How often are keys rotated?',
    'Is key rotation automatic?',
    'Yes',
    'Keys rotate every year in the KMS.',
    'Data protection',
    'encryption, KMS',
    '',
  ];
  sheet.getRow(5).values = ['Do you support hardware security keys?', '', '', 'yes', 'WebAuthn keys work for every user.', '', 'MFA', ''];
  // The product area is merged over rows 4–5: row 5 reads it from the merge.
  sheet.mergeCells('F4:F5');
  // A question computed by a formula: its cached result is read.
  sheet.getCell('A6').value = { formula: 'CONCATENATE("Is ","data ","backed up daily?")', result: 'Is data backed up daily?' };
  sheet.getCell('D6').value = 'Yes';
  sheet.getCell('E6').value = 'Daily snapshots, kept 35 days.';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
