/** What one cell of an export holds before it is written: the writers type it by its column's kind. */
export type ExportValue = string | number | boolean | null | undefined;

/**
 * One column of a list export. `kind` types the XLSX cell: numbers as numbers, `date`
 * (YYYY-MM-DD) and `datetime` (ISO 8601) as dates Excel can sort and filter; CSV writes them as text.
 *
 * @example { header: 'Renewal', kind: 'date', value: (a) => a.renewalDate }
 */
export interface ExportColumn<T> {
  header: string;
  kind?: 'text' | 'number' | 'date' | 'datetime' | 'boolean';
  value: (row: T) => ExportValue;
}

/** The kind of each column, with `text` filled in. */
export type ColumnKind = NonNullable<ExportColumn<unknown>['kind']>;

/** Names from a list's `{ name }` references, joined for one cell. */
export function joinNames(refs: readonly ({ name: string } | null | undefined)[]): string {
  return refs
    .filter((r): r is { name: string } => Boolean(r))
    .map((r) => r.name)
    .join(', ');
}
