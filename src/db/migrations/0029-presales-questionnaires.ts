import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Questionnaires (RFP, security) imported from a workbook, and their questions (issue 16). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {}
