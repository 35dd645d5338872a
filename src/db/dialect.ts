import type { ColumnDefinitionBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Column types that differ between the dialects; chosen once, used by the migrations. */
export interface DialectTypes {
  /** For the few migration steps that are raw SQL of one dialect (full-text search). */
  dialect: DialectName;
  timestamp: 'timestamptz' | 'text';
  date: 'date' | 'text';
  /** Bytes kept in the database itself (uploaded workbooks, collateral files), so a backup holds them. */
  blob: 'bytea' | 'blob';
  /** An integer primary key the database numbers itself. */
  serialPrimaryKey(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

export function dialectTypes(dialect: DialectName): DialectTypes {
  return dialect === 'postgres'
    ? {
        dialect,
        timestamp: 'timestamptz',
        date: 'date',
        blob: 'bytea',
        serialPrimaryKey: (c) => c.primaryKey().generatedByDefaultAsIdentity(),
      }
    : { dialect, timestamp: 'text', date: 'text', blob: 'blob', serialPrimaryKey: (c) => c.primaryKey().autoIncrement() };
}
