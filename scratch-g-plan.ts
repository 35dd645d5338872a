import { CompiledQuery } from 'kysely';
import { connect } from './src/db/connect.js';
const db = connect('/tmp/g-scratch/million.db');
for (const q of process.argv.slice(2)) {
  const plan = await db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${q}`));
  console.log(q, '\n  ', plan.rows.map((r) => r.detail).join(' | '));
  const t0 = performance.now(); await db.kysely.executeQuery(CompiledQuery.raw(q)); console.log('  ', (performance.now() - t0).toFixed(1), 'ms');
}
await db.close();
