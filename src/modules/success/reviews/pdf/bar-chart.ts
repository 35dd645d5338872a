/** A vertical bar chart drawn with pdfkit's vector primitives (rectangles, lines, text), with a caption. */
type Doc = PDFKit.PDFDocument;

export interface Bar {
  label: string;
  value: number;
}

const AXIS = '#868e96';
const INK = '#212529';

/** Draws `bars` in the box at (x, y) of the given size; returns the y below the caption. */
export function drawBarChart(
  doc: Doc,
  bars: readonly Bar[],
  box: { x: number; y: number; width: number; height: number },
  caption: string,
  colour = '#228be6',
): number {
  const { x, y, width, height } = box;
  const plotTop = y + 12;
  const plotBottom = y + height - 16;
  const plotHeight = plotBottom - plotTop;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = bars.length ? width / bars.length : width;
  const barWidth = Math.min(48, slot * 0.6);

  doc.save();
  doc
    .lineWidth(0.75)
    .strokeColor(AXIS)
    .moveTo(x, plotBottom)
    .lineTo(x + width, plotBottom)
    .stroke();
  bars.forEach((b, i) => {
    const h = (b.value / max) * plotHeight;
    const bx = x + i * slot + (slot - barWidth) / 2;
    if (h > 0) doc.rect(bx, plotBottom - h, barWidth, h).fill(colour);
    doc
      .fillColor(INK)
      .font('Helvetica')
      .fontSize(8)
      .text(String(b.value), bx - 10, plotBottom - h - 10, { width: barWidth + 20, align: 'center', lineBreak: false });
    doc.text(b.label, x + i * slot, plotBottom + 4, { width: slot, align: 'center', lineBreak: false });
  });
  doc.restore();
  return drawCaption(doc, caption, x, y + height + 2, width);
}

export function drawCaption(doc: Doc, caption: string, x: number, y: number, width: number): number {
  doc.fillColor('#495057').font('Helvetica-Oblique').fontSize(9).text(caption, x, y, { width, align: 'center' });
  doc.font('Helvetica').fillColor(INK);
  return doc.y + 8;
}
