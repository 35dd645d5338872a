/**
 * The same-run baseline (issue 7): a bare Fastify server that answers one row read with a
 * prepared better-sqlite3 statement (or one bare `pg` query), padded to the size of the ticket
 * page's JSON. Everything the workbench does beyond that — auth, validation, joins, serialisation
 * — is what `ratio_to_baseline` shows the cost of.
 *
 * Env: BASELINE_DATABASE (a SQLite file or a PostgreSQL URL), PORT, BASELINE_BYTES.
 */
import Fastify from 'fastify';
import SQLite from 'better-sqlite3';
import pg from 'pg';

const target = process.env.BASELINE_DATABASE!;
const port = Number(process.env.PORT);
const bytes = Number(process.env.BASELINE_BYTES ?? 4000);

type Row = Record<string, unknown>;
let read: (id: string) => Promise<Row | undefined>;
if (target.startsWith('postgres')) {
  const pool = new pg.Pool({ connectionString: target, max: 4 });
  read = async (id) => (await pool.query<Row>('select * from tickets where id = $1', [id])).rows[0];
} else {
  const sqlite = new SQLite(target, { readonly: true });
  sqlite.pragma('journal_mode = WAL');
  const statement = sqlite.prepare('select * from tickets where id = ?');
  read = async (id) => statement.get(id) as Row | undefined;
}

const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/row/:id', async (request, reply) => {
  const row = await read(request.params.id);
  if (!row) return reply.status(404).send({ error: 'not found' });
  const body = JSON.stringify(row);
  // Same-size JSON: the row, and filler up to the size of the endpoint it stands in for.
  return reply.type('application/json').send(`{"row":${body},"filler":"${'x'.repeat(Math.max(0, bytes - body.length - 20))}"}`);
});
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('ready\n');
