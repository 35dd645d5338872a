/** A line chart of a series over time drawn with pdfkit's vector primitives, with a caption. */
import { drawCaption } from './bar-chart.js';

type Doc = PDFKit.PDFDocument;

export interface Point {
  label: string;
  value: number | null;
}

/**
 * Draws the series on a 0–`max` scale in the box; a null value breaks the line. Returns the y below
 * the caption. With no value at all it says so instead of drawing an empty frame.
 */
export function drawLineChart(
  doc: Doc,
  points: readonly Point[],
  box: { x: number; y: number; width: number; height: number },
  caption: string,
  max = 100,
  colour = '#2f9e44',
): number {
  const { x, y, width, height } = box;
  const plotTop = y + 8;
  const plotBottom = y + height - 16;
  const plotHeight = plotBottom - plotTop;
  const left = x + 24;
  const plotWidth = width - 28;

  doc.save();
  doc.lineWidth(0.75).strokeColor('#868e96');
  doc
    .moveTo(left, plotTop)
    .lineTo(left, plotBottom)
    .lineTo(left + plotWidth, plotBottom)
    .stroke();
  doc.fillColor('#495057').font('Helvetica').fontSize(7);
  for (const tick of [0, max / 2, max]) {
    const ty = plotBottom - (tick / max) * plotHeight;
    doc.text(String(tick), x, ty - 3, { width: 20, align: 'right', lineBreak: false });
    doc
      .lineWidth(0.25)
      .strokeColor('#dee2e6')
      .moveTo(left, ty)
      .lineTo(left + plotWidth, ty)
      .stroke();
  }
  const values = points.filter((p) => p.value !== null);
  if (!values.length) {
    doc.fontSize(9).text('No snapshots in this period', left, plotTop + plotHeight / 2 - 5, { width: plotWidth, align: 'center' });
  } else {
    const step = points.length > 1 ? plotWidth / (points.length - 1) : 0;
    const at = (i: number, v: number) =>
      [left + (points.length > 1 ? i * step : plotWidth / 2), plotBottom - (Math.min(v, max) / max) * plotHeight] as const;
    doc.lineWidth(1.5).strokeColor(colour);
    let drawing = false;
    points.forEach((p, i) => {
      if (p.value === null) {
        drawing = false;
        return;
      }
      const [px, py] = at(i, p.value);
      if (drawing) doc.lineTo(px, py);
      else doc.moveTo(px, py);
      drawing = true;
    });
    doc.stroke();
    points.forEach((p, i) => {
      if (p.value === null) return;
      const [px, py] = at(i, p.value);
      doc.circle(px, py, 1.8).fill(colour);
    });
    doc.fillColor('#495057').fontSize(7);
    doc.text(points[0]!.label, left, plotBottom + 4, { lineBreak: false });
    doc.text(points.at(-1)!.label, left + plotWidth - 60, plotBottom + 4, { width: 60, align: 'right', lineBreak: false });
  }
  doc.restore();
  return drawCaption(doc, caption, x, y + height + 2, width);
}
