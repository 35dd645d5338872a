import PDFDocument from 'pdfkit';
import { formatHours, formatMoney, statusLine, type SowDocument } from './sow-document.js';

/**
 * A statement of work as a PDF (pdfkit, standard fonts, so its text stays extractable): the title
 * block, the summary, the scope as a table with its total, assumptions, what is out of scope, and
 * signature lines for both parties.
 */

type Doc = PDFKit.PDFDocument;
const MARGIN = 56;
const INK = '#212529';
const MUTED = '#868e96';

function room(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: Doc, text: string, x: number, width: number): void {
  room(doc, 60);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor(INK).text(text, x, doc.y, { width });
  doc.moveDown(0.3);
}

/** Plain text with "- " or "* " bullets, as the SOW form takes it. */
function prose(doc: Doc, text: string, x: number, width: number): void {
  doc.font('Helvetica').fontSize(10.5).fillColor(INK);
  for (const paragraph of text.split(/\n{2,}/)) {
    for (const line of paragraph.split('\n')) {
      const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
      room(doc, 16);
      if (bullet) {
        const y = doc.y;
        doc.text('•', x + 4, y, { width: 12, lineBreak: false });
        doc.text(bullet[1]!, x + 18, y, { width: width - 18 });
      } else if (line.trim()) doc.text(line.trim(), x, doc.y, { width });
    }
    doc.moveDown(0.5);
  }
}

function scopeTable(doc: Doc, d: SowDocument, x: number, width: number): void {
  const money = (n: number) => formatMoney(n, d.sow.currency);
  // #, description, role, hours, rate, amount
  const widths = [22, width - 22 - 110 - 50 - 70 - 80, 110, 50, 70, 80];
  const lefts = widths.map((_, i) => x + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const row = (cells: string[], bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 6 }))) + 6;
    room(doc, height + 4);
    const y = doc.y;
    cells.forEach((c, i) =>
      doc.fillColor(INK).text(c, lefts[i]! + 3, y + 3, { width: widths[i]! - 6, align: i >= 3 || i === 0 ? 'right' : 'left' }),
    );
    doc
      .moveTo(x, y + height)
      .lineTo(x + width, y + height)
      .lineWidth(0.5)
      .strokeColor('#dee2e6')
      .stroke();
    doc.y = y + height;
  };
  row(['#', 'Description', 'Role', 'Hours', 'Rate', 'Amount'], true);
  d.sow.items.forEach((item, i) =>
    row([String(i + 1), item.description, item.roleName, formatHours(item.hours), `${money(item.hourlyRate)}/h`, money(item.amount)]),
  );
  row(['', 'Total', '', formatHours(d.sow.totalHours), '', money(d.sow.totalAmount)], true);
}

function signatures(doc: Doc, d: SowDocument, x: number, width: number): void {
  heading(doc, 'Acceptance', x, width);
  room(doc, 110);
  const half = (width - 30) / 2;
  const y = doc.y + 40;
  for (const [i, party] of [d.accountName, 'Supplier'].entries()) {
    const left = x + i * (half + 30);
    doc
      .moveTo(left, y)
      .lineTo(left + half, y)
      .lineWidth(0.7)
      .strokeColor(INK)
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor(MUTED)
      .text(`For ${party}: name, signature, date`, left, y + 6, { width: half });
  }
  doc.y = y + 30;
}

export function renderSowPdf(d: SowDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: d.sow.title, Subject: `Statement of work for ${d.accountName}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const x = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica').fontSize(11).fillColor(MUTED).text('Statement of work', x, MARGIN, { width });
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(22).fillColor(INK).text(d.sow.title, { width });
  doc.moveDown(0.4).font('Helvetica').fontSize(11).fillColor('#495057').text(`Prepared for ${d.accountName} · ${d.dealName}`, { width });
  doc.text(statusLine(d.sow), { width });
  doc.text(`Total: ${formatHours(d.sow.totalHours)}, ${formatMoney(d.sow.totalAmount, d.sow.currency)}`, { width });
  if (d.sow.summary) {
    heading(doc, 'Summary', x, width);
    prose(doc, d.sow.summary, x, width);
  }
  heading(doc, 'Scope', x, width);
  scopeTable(doc, d, x, width);
  heading(doc, 'Assumptions', x, width);
  prose(doc, d.sow.assumptions || 'None stated.', x, width);
  heading(doc, 'Out of scope', x, width);
  prose(doc, d.sow.outOfScope || 'None stated.', x, width);
  signatures(doc, d, x, width);
  doc.end();
  return done;
}
