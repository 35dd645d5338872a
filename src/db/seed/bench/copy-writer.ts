import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../schema.js';

/** Where a BulkWriter sends its rows instead of multi-row INSERTs (PostgreSQL's COPY). */
export interface CopySink {
  copy(table: string, rows: readonly object[]): Promise<void>;
  close(): Promise<void>;
}

// Hands the stream about a megabyte at a time: one string per row would be millions of chunks.
const CHUNK_CHARS = 1 << 20;

/**
 * One field in COPY's text format, as the column's input function would receive the same value
 * bound as an INSERT parameter by `pg` (which sends every parameter as text): `\N` for null, and
 * backslash, tab, newline and carriage return escaped, since they delimit fields and rows.
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return escapeCopyText(asParameterText(value));
}

function escapeCopyText(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : text;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The text `pg` would send for a bound parameter (its prepareValue), for the types rows hold. */
function asParameterText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  if (Array.isArray(value)) return arrayLiteral(value);
  return JSON.stringify(value);
}

function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return arrayLiteral(v);
    return `"${asParameterText(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  });
  return `{${items.join(',')}}`;
}

/** The rows of one table as COPY text, in chunks; every row must carry the same columns. */
export function* copyText(columns: readonly string[], rows: readonly object[]): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    if (Object.keys(record).length !== columns.length) throw new Error(`COPY needs every row to give the columns ${columns.join(', ')}`);
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      const value = record[columns[c]!];
      // An INSERT would give a missing column its default; COPY (before PostgreSQL 16) cannot.
      if (value === undefined) throw new Error(`COPY needs every row to give ${columns[c]}; one leaves it out`);
      line += (c === 0 ? '' : '\t') + copyField(value);
    }
    chunk += `${line}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * PostgreSQL's COPY FROM STDIN on a connection of its own (Kysely hands out no raw `pg` client),
 * opened on the same database and search path as `db`. Each COPY commits by itself, before the
 * next: a batch's tickets are in before its messages, whose foreign keys name them, and the
 * caller's open transaction reads them (READ COMMITTED) to build the search documents. A load
 * that fails half-way leaves rows behind, which is fine for a generated dataset that is thrown
 * away and made again.
 *
 * Durability is relaxed for this session only (`synchronous_commit = off`): a crash loses the
 * last few commits of a dataset that would be regenerated anyway; the server is not reconfigured.
 */
export async function openCopySink(db: Kysely<Database>, connectionString: string): Promise<CopySink> {
  const searchPath = (await sql<{ path: string }>`select current_setting('search_path') as path`.execute(db)).rows[0]!.path;
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query(`select set_config('search_path', $1, false)`, [searchPath]);
  await client.query('set synchronous_commit = off');
  return {
    async copy(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const stream = client.query(copyFrom(`copy ${quoted(table)} (${columns.map(quoted).join(', ')}) from stdin`));
      await pipeline(Readable.from(copyText(columns, rows)), stream);
    },
    close: () => client.end(),
  };
}
