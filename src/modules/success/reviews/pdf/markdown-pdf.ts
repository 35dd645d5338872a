/**
 * Renders the Markdown a review's sections hold into a pdfkit document: headings (#, ##, ###),
 * paragraphs, bullet and numbered lists, and **bold** within a line. The sections are short prose
 * written in the review form, so this subset is all they use; anything else prints as text.
 */
type Doc = PDFKit.PDFDocument;

type Block =
  { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string } | { kind: 'item'; marker: string; text: string };

export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    const numbered = /^(\d+)[.)]\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]! });
    } else if (bullet) {
      flush();
      blocks.push({ kind: 'item', marker: '•', text: bullet[1]! });
    } else if (numbered) {
      flush();
      blocks.push({ kind: 'item', marker: `${numbered[1]}.`, text: numbered[2]! });
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Splits a line on **bold** markers; inline code and links print as their text. */
export function inlineRuns(text: string): { text: string; bold: boolean }[] {
  const plain = text.replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)').replace(/`([^`]+)`/g, '$1');
  return plain
    .split(/(\*\*[^*]+\*\*|__[^_]+__)/)
    .filter(Boolean)
    .map((part) => (/^(\*\*|__).*(\*\*|__)$/.test(part) ? { text: part.slice(2, -2), bold: true } : { text: part, bold: false }));
}

function writeRuns(doc: Doc, text: string, x: number, width: number, size: number): void {
  const runs = inlineRuns(text);
  runs.forEach((run, i) => {
    doc.font(run.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    const options = { width, continued: i < runs.length - 1 };
    if (i === 0) doc.text(run.text, x, doc.y, options);
    else doc.text(run.text, options);
  });
}

export function renderMarkdown(doc: Doc, markdown: string, x: number, width: number): void {
  const sizes = [0, 15, 13, 11.5, 11, 11, 11];
  for (const block of markdownBlocks(markdown)) {
    if (block.kind === 'heading') {
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(sizes[block.level]!).text(block.text, x, doc.y, { width });
      doc.moveDown(0.2);
    } else if (block.kind === 'paragraph') {
      writeRuns(doc, block.text, x, width, 10.5);
      doc.moveDown(0.5);
    } else {
      const y = doc.y;
      doc
        .font('Helvetica')
        .fontSize(10.5)
        .text(block.marker, x + 4, y, { width: 14, lineBreak: false });
      doc.y = y;
      writeRuns(doc, block.text, x + 18, width - 18, 10.5);
      doc.moveDown(0.2);
    }
  }
  doc.font('Helvetica');
}
