/**
 * A business review as a PDF (pdfkit, standard fonts, so its text stays extractable): a title page
 * with the account and period, the Markdown sections, then the generated figures with their charts
 * drawn as vector graphics.
 */
import PDFDocument from 'pdfkit';
import { REVIEW_CHART_CAPTIONS, type ReviewData, type ReviewSection } from '../../contract/reviews.js';
import { drawBarChart } from './bar-chart.js';
import { drawLineChart } from './line-chart.js';
import { renderMarkdown } from './markdown-pdf.js';

type Doc = PDFKit.PDFDocument;

export interface ReviewForPdf {
  title: string;
  accountName: string;
  periodStart: string;
  periodEnd: string;
  sentAt: string | null;
  data: ReviewData;
  sections: ReviewSection[];
}

const MARGIN = 56;
const CHART_HEIGHT = 150;

function heading(doc: Doc, text: string, x: number, width: number): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(15).fillColor('#212529').text(text, x, doc.y, { width });
  doc.moveDown(0.3).font('Helvetica').fontSize(10.5);
}

/** Starts a new page when fewer than `needed` points remain. */
function room(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function line(doc: Doc, text: string, x: number, width: number): void {
  doc.font('Helvetica').fontSize(10.5).fillColor('#212529').text(text, x, doc.y, { width });
}

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
/** `in_progress` as a reader says it. */
const words = (v: string) => v.replace(/_/g, ' ');

function titlePage(doc: Doc, r: ReviewForPdf, x: number, width: number): void {
  doc.y = 220;
  doc.font('Helvetica').fontSize(12).fillColor('#868e96').text('Business review', x, doc.y, { width });
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(28).fillColor('#212529').text(r.accountName, { width });
  doc.moveDown(0.4).font('Helvetica').fontSize(16).text(r.title, { width });
  doc.moveDown(0.6).fontSize(12).fillColor('#495057').text(`Period: ${r.periodStart} to ${r.periodEnd}`, { width });
  doc.text(`Figures as of ${r.data.generatedAt.slice(0, 10)}`, { width });
  if (r.sentAt) doc.text(`Shared on ${r.sentAt.slice(0, 10)}`, { width });
}

function figures(doc: Doc, d: ReviewData, x: number, width: number): void {
  doc.addPage();
  heading(doc, 'Health', x, width);
  line(
    doc,
    `Score ${d.health.score ?? '—'}/100, grade ${d.health.grade ?? '—'}; change over 30 days ${d.health.changeThirtyDays ?? '—'}.`,
    x,
    width,
  );
  doc.moveDown(0.5);
  room(doc, CHART_HEIGHT + 30);
  doc.y = drawLineChart(
    doc,
    d.health.trend.map((p) => ({ label: p.day, value: p.score })),
    { x, y: doc.y, width, height: CHART_HEIGHT },
    REVIEW_CHART_CAPTIONS.healthTrend,
  );

  heading(doc, 'Support', x, width);
  line(doc, `${d.tickets.total} tickets opened, ${d.tickets.solved} solved, ${d.tickets.open} still open.`, x, width);
  line(
    doc,
    `SLA attainment: ${pct(d.sla.attainment)} (${d.sla.ticketsMet} of ${d.sla.ticketsWithTargets} tickets with targets met every target).`,
    x,
    width,
  );
  doc.moveDown(0.5);
  room(doc, CHART_HEIGHT + 30);
  doc.y = drawBarChart(
    doc,
    d.tickets.byPriority.map((p) => ({ label: p.priority, value: p.count })),
    { x, y: doc.y, width, height: CHART_HEIGHT },
    REVIEW_CHART_CAPTIONS.ticketsByPriority,
  );
  if (d.tickets.topIssues.length) {
    room(doc, 60);
    doc.font('Helvetica-Bold').fontSize(11).text('Top issues', x, doc.y, { width });
    for (const i of d.tickets.topIssues) line(doc, `•  ${i.label} (${i.count})`, x, width);
  }
  if (d.tickets.longestOpen.length) {
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text('Longest open', x, doc.y, { width });
    for (const t of d.tickets.longestOpen) line(doc, `•  #${t.number} ${t.subject}: ${t.daysOpen} days`, x, width);
  }

  room(doc, 120);
  heading(doc, 'Delivery', x, width);
  if (!d.engagements.length) line(doc, 'No engagements in this period.', x, width);
  for (const e of d.engagements)
    line(
      doc,
      `•  ${e.name} (${words(e.status)}): ${e.percentDone ?? 0}% of tasks done` +
        (e.actualGoLiveDate
          ? `; live on ${e.actualGoLiveDate}, ${e.daysToValue} days to value`
          : e.targetGoLiveDate
            ? `; go-live planned ${e.targetGoLiveDate}`
            : ''),
      x,
      width,
    );
  for (const env of d.environments) line(doc, `•  Environment ${env.name} runs ${env.version}: ${env.behind} releases behind`, x, width);

  room(doc, CHART_HEIGHT + 80);
  heading(doc, 'Adoption', x, width);
  line(
    doc,
    `${d.adoption.activeUsers} active users${d.adoption.seats !== null ? ` of ${d.adoption.seats} seats` : ''}; ` +
      `${pct(d.adoption.featureAdoption)} of licensed features in use.`,
    x,
    width,
  );
  doc.moveDown(0.5);
  doc.y = drawBarChart(
    doc,
    d.adoption.features.slice(0, 10).map((f) => ({ label: f.feature, value: f.events })),
    { x, y: doc.y, width, height: CHART_HEIGHT },
    REVIEW_CHART_CAPTIONS.adoption,
    '#7048e8',
  );

  if (d.feedbackShipped.length) {
    room(doc, 80);
    heading(doc, 'Shipped at your request', x, width);
    for (const r of d.feedbackShipped) line(doc, `•  ${r.title} (${r.shippedAt.slice(0, 10)})`, x, width);
  }
  if (d.plans?.length) {
    room(doc, 80);
    heading(doc, 'Success plan', x, width);
    for (const p of d.plans) {
      line(doc, `${p.title} (${words(p.status)}): ${pct(p.progress)}`, x, width);
      for (const o of p.objectives) line(doc, `   •  ${o.title}: ${words(o.status)}${o.dueOn ? `, due ${o.dueOn}` : ''}`, x, width);
    }
  }
  if (d.renewal) {
    room(doc, 60);
    heading(doc, 'Renewal', x, width);
    line(
      doc,
      `Renewal ${d.renewal.renewalDate ?? 'not dated'}; risk ${d.renewal.risk}${d.renewal.forecast ? `, forecast ${words(d.renewal.forecast)}` : ''}.`,
      x,
      width,
    );
  }
}

export function renderReviewPdf(r: ReviewForPdf): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${r.accountName}: ${r.title}`, Subject: `Business review ${r.periodStart} to ${r.periodEnd}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const x = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  titlePage(doc, r, x, width);
  doc.addPage();
  for (const s of r.sections) {
    room(doc, 80);
    heading(doc, s.title, x, width);
    renderMarkdown(doc, s.markdown, x, width);
  }
  figures(doc, r.data, x, width);
  doc.end();
  return done;
}
