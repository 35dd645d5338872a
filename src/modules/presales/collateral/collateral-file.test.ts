import { describe, expect, it } from 'vitest';
import { checkCollateralFile, cleanFilename, contentDisposition, sniffContent } from './collateral-file.js';
import { docxBytes, EXE_BYTES, pdfBytes, zipBytes } from './test-files.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

describe('collateral file types', () => {
  it('accepts each allowed type whose content proves its extension, under the extension’s content type', async () => {
    const pptx = await zipBytes({ 'ppt/presentation.xml': '<p/>' });
    const xlsx = await zipBytes({ 'xl/workbook.xml': '<w/>' });
    const cases: [string, Buffer, string][] = [
      ['Case study.pdf', await pdfBytes('Case study'), 'application/pdf'],
      ['Guide.DOCX', await docxBytes(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Deck.pptx', pptx, 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['Sizing.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['diagram.png', PNG, 'image/png'],
      ['photo.jpg', JPEG, 'image/jpeg'],
      ['photo.jpeg', JPEG, 'image/jpeg'],
      ['README.md', Buffer.from('# Grid monitoring\n\nÜberblick — 概要\n'), 'text/markdown'],
      ['notes.txt', Buffer.from('\ufeffplain text with a BOM'), 'text/plain'],
    ];
    for (const [name, bytes, type] of cases) {
      expect(await checkCollateralFile(name, bytes), name).toMatchObject({ ok: true, contentType: type });
    }
  });

  it('refuses programs whatever they are called, unknown extensions, mismatched content and damaged Office files', async () => {
    const refused = async (name: string, bytes: Buffer) => {
      const verdict = await checkCollateralFile(name, bytes);
      expect(verdict.ok, name).toBe(false);
      return verdict.ok ? '' : verdict.reason;
    };
    expect(await refused('setup.exe', EXE_BYTES)).toBe('the content is a program or script');
    expect(await refused('brochure.pdf', EXE_BYTES)).toBe('the content is a program or script');
    expect(await refused('install.txt', Buffer.from('#!/bin/sh\nrm -rf /\n'))).toBe('the content is a program or script');
    expect(await refused('tool', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toBe('the content is a program or script');
    expect(await refused('page.html', Buffer.from('<html></html>'))).toBe('.html files are not accepted');
    expect(await refused('logo.svg', Buffer.from('<svg/>'))).toBe('.svg files are not accepted');
    expect(await refused('macro.docm', await docxBytes())).toBe('.docm files are not accepted');
    expect(await refused('README', Buffer.from('text'))).toBe('the file name has no extension');
    expect(await refused('fake.pdf', Buffer.from('not a pdf at all'))).toBe('the content is not a .pdf file');
    expect(await refused('fake.png', JPEG)).toBe('the content is not a .png file');
    expect(await refused('binary.txt', Buffer.from([0x00, 0x01, 0x02, 0xff]))).toBe('the content is not a .txt file');
    expect(await refused('slides.pptx', await docxBytes())).toBe('the zip is not a .pptx document');
    expect(await refused('broken.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('the .docx file is damaged');
  });

  it('tells text starting with "MZ" from a Windows program by the program header’s NUL bytes', () => {
    expect(sniffContent(Buffer.from('MZ is how this memo starts'))).toBe('text');
    expect(sniffContent(EXE_BYTES)).toBe('program');
  });

  it('keeps a file name without folders, control characters or quotes, and names it safely in Content-Disposition', () => {
    expect(cleanFilename('C:\\Users\\me\\Case "study".pdf')).toBe('Case study.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('bad\u0000name\r\n.pdf')).toBe('badname.pdf');
    expect(cleanFilename('..')).toBe('collateral');
    expect(cleanFilename(undefined)).toBe('collateral');
    expect(cleanFilename(`${'x'.repeat(300)}.pdf`)).toHaveLength(200);
    expect(cleanFilename(`${'x'.repeat(300)}.pdf`).endsWith('.pdf')).toBe(true);
    expect(contentDisposition('Grid guide – v2 (final).pdf')).toBe(
      `attachment; filename="Grid guide _ v2 (final).pdf"; filename*=UTF-8''Grid%20guide%20%E2%80%93%20v2%20%28final%29.pdf`,
    );
    expect(contentDisposition('a;b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%3Bb%5Cc.pdf`);
  });
});
