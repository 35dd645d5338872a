import { cellAddress, type CellRange } from './cell-address.js';

/** The longest stretch of rows a merge is indexed over: a whole-column merge is not a layout anyone maps. */
const MAX_INDEXED_ROWS = 20_000;

/** Finds the merged range covering a cell, by row, without a lookup per covered cell. */
export class MergeIndex {
  private readonly byRow = new Map<number, CellRange[]>();

  constructor(merges: readonly CellRange[]) {
    for (const m of merges) {
      const last = Math.min(m.bottom, m.top + MAX_INDEXED_ROWS);
      for (let r = m.top; r <= last; r++) {
        const list = this.byRow.get(r);
        if (list) list.push(m);
        else this.byRow.set(r, [m]);
      }
    }
  }

  /** The merged range holding the cell, if any. */
  at(row: number, column: number): CellRange | null {
    return this.byRow.get(row)?.find((m) => column >= m.left && column <= m.right) ?? null;
  }

  /** The range, when the cell is inside one but is not its top-left (master) cell. */
  coveredBy(row: number, column: number): CellRange | null {
    const m = this.at(row, column);
    return m && (m.top !== row || m.left !== column) ? m : null;
  }
}

export const masterAddress = (m: CellRange) => cellAddress(m.top, m.left);
