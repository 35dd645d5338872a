import JSZip from 'jszip';
import { parseCellAddress } from './cell-address.js';

/**
 * Writes answers into the customer's own workbook without rebuilding it. Libraries that load and
 * save a workbook (exceljs included) rewrite every part and lose what they do not model — data
 * validation details, conditional formats, themes, comments, macros — so the export edits the
 * package in place instead: it opens the zip, changes only the target `<c>` elements in the sheets
 * that receive answers (an inline string; the cell keeps its `s` style; a missing cell or row is
 * created in order), and leaves every other part as it was. Formulas are never overwritten: a
 * target holding one is reported back instead of written.
 *
 * workbook.xml is left alone too: no `fullCalcOnLoad` is forced into its calcPr. The customer's
 * workbook comes back with the calculation settings it had; a formula over the answers (a =COUNTIF
 * over the Yes/No column) shows its cached figure until the spreadsheet recalculates, as it does
 * on the first edit or by its own automatic-calculation setting.
 */

export interface CellWrite {
  sheet: string;
  /** A1 address, e.g. "D7". */
  cell: string;
  value: string;
}

export interface PatchResult {
  bytes: Buffer;
  written: number;
  /** Targets left alone, with the reason (a formula in the cell, a sheet the workbook no longer has). */
  refused: { sheet: string; cell: string; reason: string }[];
}

const OFFICE_DOCUMENT = /officeDocument$/;

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[2] ?? m[3] ?? '') : null;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** Text as XML 1.0 allows it: escaped, without the control characters it forbids, line breaks as \n. */
export function escapeXmlText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

/** Resolves a relationship target against the folder of the part that declares it. */
function resolvePart(fromFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromFolder ? fromFolder.split('/') : [];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function relationships(xml: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) out.set(id, { type: attr(m[0], 'Type') ?? '', target: unescapeXml(target) });
  }
  return out;
}

/** The workbook part and, per sheet name, its worksheet part. */
async function sheetParts(zip: JSZip): Promise<{ workbookPart: string; sheets: Map<string, string> }> {
  const rootRels = await zip.file('_rels/.rels')?.async('string');
  const official = rootRels ? [...relationships(rootRels).values()].find((r) => OFFICE_DOCUMENT.test(r.type)) : undefined;
  const workbookPart = official ? resolvePart('', official.target) : 'xl/workbook.xml';
  const workbookXml = await zip.file(workbookPart)?.async('string');
  if (!workbookXml) throw new Error('the package has no workbook part');
  const rels = relationships((await zip.file(relsPathOf(workbookPart))?.async('string')) ?? '');
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/'));
  const sheets = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const relId = /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const rel = relId ? rels.get(relId) : undefined;
    if (name !== null && rel) sheets.set(unescapeXml(name), resolvePart(folder, rel.target));
  }
  return { workbookPart, sheets };
}

interface Element {
  /** Offsets of the whole element in the text. */
  start: number;
  end: number;
  openTag: string;
  /** The element's content (between its tags); empty for a self-closing one. */
  inner: string;
}

/** The `<name>` elements (with prefix) from `from` to `to`; they do not nest, so the next closing tag ends each. */
function elements(xml: string, tag: string, from: number, to: number): Element[] {
  const out: Element[] = [];
  const open = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`, 'g');
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const openTag = m[0];
    const afterOpen = m.index + openTag.length;
    if (openTag.endsWith('/>')) {
      out.push({ start: m.index, end: afterOpen, openTag, inner: '' });
      continue;
    }
    const close = `</${tag}>`;
    const closeAt = xml.indexOf(close, afterOpen);
    if (closeAt < 0 || closeAt >= to) throw new Error(`unclosed <${tag}> in a worksheet`);
    out.push({ start: m.index, end: closeAt + close.length, openTag, inner: xml.slice(afterOpen, closeAt) });
    open.lastIndex = closeAt + close.length;
  }
  return out;
}

function withAttr(openTag: string, name: string, value: string | null): string {
  const pattern = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`);
  const without = openTag.replace(pattern, '');
  if (value === null) return without;
  return without.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/** The style a new cell takes: the row's, if the row is formatted, else its column's. */
function defaultStyle(rowTag: string | null, column: number, columnStyles: { min: number; max: number; style: string }[]): string | null {
  if (rowTag && attr(rowTag, 'customFormat') === '1' && attr(rowTag, 's')) return attr(rowTag, 's');
  return columnStyles.find((c) => column >= c.min && column <= c.max)?.style ?? null;
}

function inlineCell(p: string, address: string, style: string | null, value: string, keptOpenTag?: string): string {
  let open = keptOpenTag ?? `<${p}c r="${address}">`;
  // The value changes type: a shared-string index, a number or a cached formula result would be read wrongly.
  for (const name of ['t', 'cm', 'vm', 'ph']) open = withAttr(open, name, null);
  if (!keptOpenTag && style) open = withAttr(open, 's', style);
  open = withAttr(open.replace(/\s*\/>$/, '>'), 't', 'inlineStr');
  const text = escapeXmlText(value);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `${open}<${p}is><${p}t${space}>${text}</${p}t></${p}is></${p}c>`;
}

/** Patches one worksheet's XML; returns the new XML and the targets refused. */
export function patchSheetXml(
  xml: string,
  writes: ReadonlyMap<string, string>,
): { xml: string; refused: { cell: string; reason: string }[] } {
  const refused: { cell: string; reason: string }[] = [];
  const open = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new Error('the worksheet has no sheetData');
  const p = open[1]!;
  const selfClosing = open[2] === '/';
  const contentStart = open.index + open[0].length;
  const contentEnd = selfClosing ? contentStart : xml.indexOf(`</${p}sheetData>`, contentStart);
  if (contentEnd < 0) throw new Error('unclosed sheetData');

  const columnStyles = elements(xml, `${p}col`, 0, open.index)
    .map((c) => ({ min: Number(attr(c.openTag, 'min')), max: Number(attr(c.openTag, 'max')), style: attr(c.openTag, 'style') }))
    .filter((c): c is { min: number; max: number; style: string } => c.style !== null);

  // Pending writes by row, columns ascending.
  const byRow = new Map<number, { column: number; address: string; value: string }[]>();
  for (const [address, value] of writes) {
    const at = parseCellAddress(address);
    if (!at) {
      refused.push({ cell: address, reason: 'not a cell address' });
      continue;
    }
    const list = byRow.get(at.row) ?? [];
    list.push({ column: at.column, address: address.replace(/\$/g, '').toUpperCase(), value });
    byRow.set(at.row, list);
  }
  for (const list of byRow.values()) list.sort((a, b) => a.column - b.column);
  const pendingRows = [...byRow.keys()].sort((a, b) => a - b);

  const newRow = (row: number) => {
    const cells = byRow.get(row)!;
    const spans = `${cells[0]!.column}:${cells[cells.length - 1]!.column}`;
    return `<${p}row r="${row}" spans="${spans}">${cells
      .map((w) => inlineCell(p, w.address, defaultStyle(null, w.column, columnStyles), w.value))
      .join('')}</${p}row>`;
  };

  const patchRow = (row: Element, rowNumber: number): string => {
    const wanted = byRow.get(rowNumber)!;
    const cells = elements(row.inner, `${p}c`, 0, row.inner.length);
    let out = '';
    let cursor = 0;
    let previousColumn = 0;
    let w = 0;
    for (const cell of cells) {
      const ref = attr(cell.openTag, 'r');
      const column = ref ? (parseCellAddress(ref)?.column ?? previousColumn + 1) : previousColumn + 1;
      previousColumn = column;
      // New cells belong before the first existing cell to their right.
      while (w < wanted.length && wanted[w]!.column < column) {
        out += row.inner.slice(cursor, cell.start);
        cursor = cell.start;
        out += inlineCell(p, wanted[w]!.address, defaultStyle(row.openTag, wanted[w]!.column, columnStyles), wanted[w]!.value);
        w++;
      }
      if (w < wanted.length && wanted[w]!.column === column) {
        out += row.inner.slice(cursor, cell.start);
        if (new RegExp(`<${p}f[\\s/>]`).test(cell.inner)) {
          refused.push({ cell: wanted[w]!.address, reason: 'the cell holds a formula' });
          out += xmlOf(row.inner, cell);
        } else {
          const keep = ref ? cell.openTag : withAttr(cell.openTag, 'r', wanted[w]!.address);
          out += inlineCell(p, wanted[w]!.address, null, wanted[w]!.value, keep);
        }
        cursor = cell.end;
        w++;
      }
    }
    const tail = row.inner.slice(cursor);
    let added = '';
    for (; w < wanted.length; w++)
      added += inlineCell(p, wanted[w]!.address, defaultStyle(row.openTag, wanted[w]!.column, columnStyles), wanted[w]!.value);
    let openTag = row.openTag.replace(/\s*\/>$/, '>');
    const spans = attr(openTag, 'spans');
    if (spans && /^\d+:\d+$/.test(spans)) {
      const [lo, hi] = spans.split(':').map(Number) as [number, number];
      const columns = wanted.map((x) => x.column);
      const next = `${Math.min(lo, ...columns)}:${Math.max(hi, ...columns)}`;
      if (next !== spans) openTag = withAttr(openTag, 'spans', next);
    }
    return `${openTag}${out}${tail}${added}</${p}row>`;
  };

  const rows = elements(xml, `${p}row`, contentStart, contentEnd);
  let body = '';
  let cursor = contentStart;
  let previousRow = 0;
  let next = 0;
  for (const row of rows) {
    const r = attr(row.openTag, 'r');
    const rowNumber = r ? Number(r) : previousRow + 1;
    previousRow = rowNumber;
    while (next < pendingRows.length && pendingRows[next]! < rowNumber) {
      body += xml.slice(cursor, row.start);
      cursor = row.start;
      body += newRow(pendingRows[next]!);
      next++;
    }
    if (next < pendingRows.length && pendingRows[next] === rowNumber) {
      body += xml.slice(cursor, row.start) + patchRow(row, rowNumber);
      cursor = row.end;
      next++;
    }
  }
  body += xml.slice(cursor, contentEnd);
  for (; next < pendingRows.length; next++) body += newRow(pendingRows[next]!);

  const head = selfClosing ? xml.slice(0, open.index) + open[0].replace(/\s*\/>$/, '>') : xml.slice(0, contentStart);
  const rest = selfClosing ? `</${p}sheetData>${xml.slice(contentStart)}` : xml.slice(contentEnd);
  return { xml: head + body + rest, refused };
}

function xmlOf(text: string, el: Element): string {
  return text.slice(el.start, el.end);
}

/**
 * The workbook with each write in its cell. Sheets and parts without writes are not touched.
 *
 * @example const { bytes } = await patchWorkbook(original, [{ sheet: 'Access control', cell: 'C5', value: 'Yes' }]);
 */
export async function patchWorkbook(original: Uint8Array, writes: readonly CellWrite[]): Promise<PatchResult> {
  const zip = await JSZip.loadAsync(original);
  const { sheets } = await sheetParts(zip);
  const refused: PatchResult['refused'] = [];
  const bySheet = new Map<string, Map<string, string>>();
  for (const w of writes) {
    const cells = bySheet.get(w.sheet) ?? new Map<string, string>();
    cells.set(w.cell.toUpperCase(), w.value);
    bySheet.set(w.sheet, cells);
  }
  let written = 0;
  for (const [sheet, part] of sheets) {
    const file = zip.file(part);
    const cells = bySheet.get(sheet);
    if (!file || !cells) continue;
    const xml = await file.async('string');
    const patched = patchSheetXml(xml, cells);
    refused.push(...patched.refused.map((r) => ({ sheet, ...r })));
    written += cells.size - patched.refused.length;
    zip.file(part, patched.xml);
  }
  for (const [sheet, cells] of bySheet)
    if (!sheets.has(sheet)) for (const cell of cells.keys()) refused.push({ sheet, cell, reason: 'the workbook has no such sheet' });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, written, refused };
}
