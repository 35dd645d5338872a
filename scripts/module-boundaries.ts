/**
 * The module-boundary figures of issue 12, as numbers for CI and for notes:
 * module cycles, imports into another module's internals, SQL on another module's tables (and how
 * much of it sits in documented read models), and API types the web app declares by hand.
 * `npm run boundaries` prints them; `-- --check` exits 1 when any is above its limit.
 * It counts what ../shared/tools/module-boundaries.mjs counts, plus raw sql`…` templates and read models.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TABLE_OWNERS } from '../test/architecture/table-owners.js';
import { documentedReadModels, sourceFiles, tableReferences } from '../test/architecture/sql-references.js';

const root = path.resolve(import.meta.dirname, '..');
const modulesDir = path.join(root, 'src/modules');
const moduleOf = (file: string) => {
  const rel = path.relative(modulesDir, file);
  return rel.startsWith('..') ? null : rel.split(path.sep)[0]!;
};

// Imports between modules.
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const edges = new Map<string, Set<string>>();
const internals: string[] = [];
for (const file of sourceFiles(path.join(root, 'src'))) {
  const from = moduleOf(file);
  if (!from) continue;
  for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]!;
    if (!spec.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
    const to = moduleOf(target);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(to);
    const inside = path.relative(path.join(modulesDir, to), target);
    if (inside !== 'index.ts' && !inside.startsWith(`contract${path.sep}`))
      internals.push(`${path.relative(root, file)} -> ${path.relative(root, target)}`);
  }
}
// Module cycles: any module that can reach itself.
const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
  [...(edges.get(from) ?? [])].some((n) => n === to || (!seen.has(n) && (seen.add(n), reaches(n, to, seen))));
const cyclic = [...edges.keys()].filter((m) => reaches(m, m)).sort();

// SQL on other modules' tables.
const ownerOf = new Map(Object.entries(TABLE_OWNERS).flatMap(([owner, tables]) => tables.map((t) => [t, owner] as const)));
const readModels = documentedReadModels(fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8'));
const foreign = sourceFiles(modulesDir).flatMap((file) =>
  tableReferences(path.relative(root, file), fs.readFileSync(file, 'utf8'), new Set(ownerOf.keys())).filter(
    (r) => ownerOf.get(r.table) !== moduleOf(file),
  ),
);
const inReadModels = foreign.filter((r) => readModels.get(r.file)?.includes(r.table) && !r.write);

// Web API types written by hand in the web app's API files.
const webTypes = sourceFiles(path.join(root, 'web/src'))
  .filter((f) => /api|client|contract|types/i.test(path.basename(f)))
  .reduce((n, f) => n + (fs.readFileSync(f, 'utf8').match(/^export (?:type \w+\s*=\s*\{|interface \w+)/gm) ?? []).length, 0);

const figures = {
  modules_in_cycles: cyclic,
  imports_into_internals: internals.length,
  foreign_sql: foreign.length,
  foreign_writes: foreign.filter((r) => r.write).length,
  foreign_reads_in_read_models: inReadModels.length,
  foreign_sql_outside_read_models: foreign.length - inReadModels.length,
  read_models: readModels.size,
  web_hand_api_types: webTypes,
};
console.log(JSON.stringify(figures, null, 1));
if (foreign.length > inReadModels.length)
  console.log(
    foreign
      .filter((r) => !inReadModels.includes(r))
      .map((r) => `  ${r.file}:${r.line} ${r.table}`)
      .join('\n'),
  );
if (internals.length) console.log(internals.map((i) => `  ${i}`).join('\n'));

if (process.argv.includes('--check')) {
  const over =
    cyclic.length > 0 || internals.length > 0 || figures.foreign_sql_outside_read_models > 0 || inReadModels.length > 10 || webTypes > 0;
  if (over) {
    console.error('Module boundaries broken: see docs/architecture.md.');
    process.exit(1);
  }
}
