/** A1-style cell addresses: column letters and 1-based row numbers, as spreadsheets show them. */

/** 1 → "A", 27 → "AA". */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 1, "aa" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** "C5" → { row: 5, column: 3 }; `$` signs are allowed. Null for anything else. */
export function parseCellAddress(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), column: columnNumber(m[1]!) };
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B2:D3" → its corners; a single cell "B2" is a 1×1 range. */
export function parseRange(range: string): CellRange | null {
  const [a, b = a] = range.split(':');
  const from = a ? parseCellAddress(a) : null;
  const to = b ? parseCellAddress(b) : null;
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.column, to.column),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.column, to.column),
  };
}

export function rangeText(r: CellRange): string {
  return `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;
}
