import fs from 'node:fs';
import path from 'node:path';

/** One place in the source where SQL names a table. */
export interface TableReference {
  file: string;
  line: number;
  table: string;
  write: boolean;
}

const KYSELY_CALL =
  /\b(insertInto|selectFrom|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|with)\(\s*['"`]([a-z_][a-z0-9_]*)(?:\s+as\s+\w+)?['"`]/g;
const RAW_SQL = /\bsql(?:<[^>`]*>)?`([^`]*)`/g;
const RAW_TABLE = /\b(from|join|update|into)\s+([a-z_][a-z0-9_]*)\b/gi;
const WRITES = new Set(['insertInto', 'updateTable', 'deleteFrom', 'update', 'into']);

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * Every table a source file names in SQL: Kysely's builder calls, and the tables after FROM, JOIN,
 * UPDATE and INTO inside sql`…` templates (`known` filters out words that are not tables).
 */
export function tableReferences(file: string, text: string, known: ReadonlySet<string>): TableReference[] {
  const found: TableReference[] = [];
  for (const m of text.matchAll(KYSELY_CALL)) {
    if (known.has(m[2]!)) found.push({ file, line: lineOf(text, m.index), table: m[2]!, write: WRITES.has(m[1]!) });
  }
  for (const m of text.matchAll(RAW_SQL)) {
    for (const t of m[1]!.matchAll(RAW_TABLE)) {
      const table = t[2]!.toLowerCase();
      if (known.has(table)) found.push({ file, line: lineOf(text, m.index + 4 + t.index), table, write: WRITES.has(t[1]!.toLowerCase()) });
    }
  }
  return found;
}

/** The non-test TypeScript files under a folder. */
export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !/^test-/.test(entry.name) ? [p] : [];
  });
}

/** The read models docs/architecture.md lists: file → the foreign tables it may read. */
export function documentedReadModels(architectureDoc: string): Map<string, string[]> {
  const models = new Map<string, string[]>();
  for (const row of architectureDoc.matchAll(/^\|\s*`(src\/modules\/[^`]+\.read-model\.ts)`\s*\|([^|]*)\|/gm)) {
    models.set(
      row[1]!,
      [...row[2]!.matchAll(/`([a-z_]+)`/g)].map((t) => t[1]!),
    );
  }
  return models;
}
