import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

/** Tests' real documents: a small PDF drawn with pdfkit, and Office files with their main part. */
export function pdfBytes(title: string, lines: string[] = []): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: title } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text(title);
    for (const line of lines) doc.fontSize(11).text(line);
    doc.end();
  });
}

/** A zip holding `parts` (an Office document when one of them is its main part). */
export async function zipBytes(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer' });
}

export const docxBytes = () =>
  zipBytes({
    '[Content_Types].xml': '<Types/>',
    'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
  });

/** The first bytes of a Windows program: "MZ", then a header full of NULs. */
export const EXE_BYTES = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);
