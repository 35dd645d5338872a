import { sql, type SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledRead } from './compiled-read.js';
import { freshDatabase, testDialects } from './test-database.js';
import type { Db } from './connect.js';

const settingByKey = compiledRead((db, key: string) => db.selectFrom('settings').select(['key', 'value']).where('key', '=', key));
const settingsBetween = compiledRead((db, from: string, to: string) =>
  db.selectFrom('settings').select('key').where('key', '>=', from).where('key', '<', to).orderBy('key'),
);

describe.each(testDialects())('compiledRead on %s', (dialect) => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase(dialect);
    await db.kysely.deleteFrom('settings').execute();
    await db.kysely
      .insertInto('settings')
      .values([
        { key: 'alpha', value: '"1"', updated_at: '2026-01-01T00:00:00.000Z' },
        { key: 'beta', value: '"2"', updated_at: '2026-01-01T00:00:00.000Z' },
        { key: 'gamma', value: '"3"', updated_at: '2026-01-01T00:00:00.000Z' },
      ])
      .execute();
  });
  afterAll(() => db.close());

  it('answers each call with its own arguments', async () => {
    expect(await settingByKey(db.kysely, 'alpha')).toEqual([{ key: 'alpha', value: '"1"' }]);
    expect(await settingByKey(db.kysely, 'gamma')).toEqual([{ key: 'gamma', value: '"3"' }]);
    expect(await settingByKey(db.kysely, 'missing')).toEqual([]);
    expect((await settingsBetween(db.kysely, 'b', 'h')).map((r) => r.key)).toEqual(['beta', 'gamma']);
    expect((await settingsBetween(db.kysely, 'a', 'c')).map((r) => r.key)).toEqual(['alpha', 'beta']);
  });

  it('reads inside a transaction what the transaction wrote', async () => {
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('settings').values({ key: 'delta', value: '"4"', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
        expect(await settingByKey(trx, 'delta')).toEqual([{ key: 'delta', value: '"4"' }]);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await settingByKey(db.kysely, 'delta')).toEqual([]);
  });

  it('refuses a builder that puts an argument into the SQL text or leaves it out', async () => {
    const inlined = compiledRead((db, key: string) =>
      db
        .selectFrom('settings')
        .select('key')
        .where(sql.raw<SqlBool>(`key = '${key}'`)),
    );
    await expect(inlined(db.kysely, 'alpha')).rejects.toThrow(/plain parameter/);
    const unused = compiledRead((db, _key: string) => db.selectFrom('settings').select('key'));
    await expect(unused(db.kysely, 'alpha')).rejects.toThrow(/plain parameter/);
  });
});
