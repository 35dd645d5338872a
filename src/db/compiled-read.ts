import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.js';

const MARK = '\u0001compiled-read-argument-';

/**
 * A read built and compiled to SQL once per dialect, then run with new arguments.
 *
 * Kysely builds an operation tree and compiles it to SQL on every call. On the ticket page (ten
 * small indexed reads) that was a fifth of the server's CPU at 1M tickets (issue 7's profile).
 * For the hottest reads, whose SQL does not change with their arguments (string arguments used as
 * plain values: no `in` lists, no optional clauses), the query is built once with marker arguments,
 * and each call puts its arguments where the markers are among the compiled parameters. A builder
 * that puts an argument anywhere else (into the SQL text, or nowhere) is refused on its first use.
 */
export function compiledRead<A extends string[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): (db: Kysely<Database>, ...args: A) => Promise<R[]> {
  // One template per dialect: the adapter's class tells SQLite from PostgreSQL, also inside a transaction.
  const templates = new Map<unknown, { compiled: CompiledQuery<R>; slots: (number | undefined)[] }>();
  return async (db, ...args) => {
    const dialect = db.getExecutor().adapter.constructor;
    let template = templates.get(dialect);
    if (!template) {
      const markers = args.map((_, i) => `${MARK}${i}`) as A;
      const compiled = build(db, ...markers).compile();
      const slots = compiled.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(MARK) ? Number(p.slice(MARK.length)) : undefined,
      );
      if (compiled.sql.includes(MARK) || markers.some((_, i) => !slots.includes(i))) {
        throw new Error(`compiledRead: every argument must be a plain parameter in ${compiled.sql}`);
      }
      template = { compiled, slots };
      templates.set(dialect, template);
    }
    const { compiled, slots } = template;
    const parameters = compiled.parameters.map((p, i) => (slots[i] === undefined ? p : args[slots[i]!]));
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}
