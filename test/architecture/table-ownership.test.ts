/**
 * A table belongs to one module (DESIGN §4): only that module's code names it in SQL. Other
 * modules call the owner's index.ts; the few cross-owner joins kept for speed are read models,
 * listed in docs/architecture.md with the tables they read and why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../src/db/test-database.js';
import type { Db } from '../../src/db/connect.js';
import { TABLE_OWNERS } from './table-owners.js';
import { documentedReadModels, sourceFiles, tableReferences, type TableReference } from './sql-references.js';

const root = path.resolve(import.meta.dirname, '../..');
const modulesDir = path.join(root, 'src/modules');
const ownerOf = new Map(Object.entries(TABLE_OWNERS).flatMap(([owner, tables]) => tables.map((t) => [t, owner] as const)));
const known = new Set(ownerOf.keys());
const readModels = documentedReadModels(fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8'));
/** DESIGN §4 allows a handful of named read models, not a second way of working. */
const MAX_FOREIGN_READS = 10;

function moduleOf(file: string): string {
  return path.relative(modulesDir, file).split(path.sep)[0]!;
}

const references: (TableReference & { module: string })[] = sourceFiles(modulesDir).flatMap((file) =>
  tableReferences(path.relative(root, file), fs.readFileSync(file, 'utf8'), known).map((ref) => ({ ...ref, module: moduleOf(file) })),
);
const foreign = references.filter((ref) => ownerOf.get(ref.table) !== ref.module);
const where = (refs: TableReference[]) =>
  refs.map((r) => `${r.file}:${r.line} ${r.write ? 'writes' : 'reads'} ${r.table} (owner ${ownerOf.get(r.table)})`);

describe('table ownership', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase('sqlite');
  });
  afterAll(async () => {
    await db.close();
  });

  it('gives every table of the migrated schema exactly one owner', async () => {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db.kysely);
    // SQLite's own tables, Kysely's migration bookkeeping and FTS5's shadow tables of search_fts.
    const tables = rows.map((r) => r.name).filter((t) => !/^(sqlite_|kysely_migration)|^search_fts_/.test(t));
    expect(
      tables.filter((t) => !ownerOf.has(t)),
      'tables with no owner in test/architecture/table-owners.ts',
    ).toEqual([]);
    expect(
      [...ownerOf.keys()].filter((t) => !tables.includes(t)),
      'owned tables the migrations do not create',
    ).toEqual([]);
    const listed = Object.values(TABLE_OWNERS).flat();
    expect(listed.length, 'a table listed under two owners').toBe(new Set(listed).size);
  });

  it('lets no module write another module’s tables', () => {
    expect(where(foreign.filter((r) => r.write))).toEqual([]);
  });

  it('reads another module’s tables only in the read models docs/architecture.md lists', () => {
    const undocumented = foreign.filter((r) => !readModels.get(r.file)?.includes(r.table));
    expect(where(undocumented)).toEqual([]);
    expect(foreign.length, where(foreign).join('\n')).toBeLessThanOrEqual(MAX_FOREIGN_READS);
  });

  it('documents exactly the read models that exist, each with a reason in its file', () => {
    const files = sourceFiles(modulesDir)
      .map((f) => path.relative(root, f))
      .filter((f) => f.endsWith('.read-model.ts'));
    expect([...readModels.keys()].sort()).toEqual(files.sort());
    for (const file of files)
      expect(fs.readFileSync(path.join(root, file), 'utf8'), file).toMatch(/\/\*\*[\s\S]*?(because|why|speed|hot|every)[\s\S]*?\*\//i);
  });
});
