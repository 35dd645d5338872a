import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** Proofs of concept tied to opportunities by a real link (issue 16), replacing the free-text reference. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {}
