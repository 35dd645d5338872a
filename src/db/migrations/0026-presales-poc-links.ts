import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DialectTypes } from '../dialect.js';

/**
 * Proofs of concept tied to opportunities by a real link (issue 16), replacing the free-text
 * reference. Engagements gain `opportunity_id`; every engagement that named a deal in
 * `opportunity_ref` gets an opportunity on its own account, in technical validation with an ARR of 0
 * (nobody recorded one), and is linked to it. Engagements of one account that named the same deal
 * share one opportunity. A reference that is a link (a CRM URL) makes a poor name: the deal is named
 * after the engagement and the link is kept in the description.
 *
 * The technical win comes from the proof of concept's verdict, as the running application sets it:
 * the latest decided verdict wins (pass → won, fail → lost with the reason), and an undecided or
 * non-PoC engagement leaves the deal's technical win in progress.
 *
 * `opportunity_ref` stays in the table, unread and unwritten: dropping a column rebuilds nothing on
 * PostgreSQL but would break a node still running the previous version during a rolling upgrade,
 * and the old text stays there as the migration's evidence.
 */

interface Tables {
  engagements: {
    id: string;
    account_id: string;
    kind: string;
    name: string;
    opportunity_ref: string | null;
    opportunity_id: string | null;
    poc_verdict: string | null;
    poc_verdict_note: string | null;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  };
  opportunities: {
    id: string;
    account_id: string;
    name: string;
    stage: string;
    arr: number;
    close_date: string | null;
    sales_owner_id: string | null;
    sales_engineer_id: string | null;
    solutions_architect_id: string | null;
    technical_win: string;
    technical_win_reason: string | null;
    products: string;
    description: string | null;
    created_by: string | null;
    created_at: string;
    updated_at: string;
    closed_at: string | null;
  };
  opportunity_stage_changes: {
    id: string;
    opportunity_id: string;
    field: string;
    from_value: string | null;
    to_value: string;
    reason: string | null;
    changed_by: string | null;
    changed_at: string;
  };
}

type Engagement = Tables['engagements'];

const isLink = (text: string) => /^https?:\/\//i.test(text);
const NAME_LIMIT = 200;

/** The deal's name and description, from the reference and the engagement that named it. */
export function opportunityFromReference(reference: string, engagementName: string): { name: string; description: string } {
  const ref = reference.trim();
  if (isLink(ref))
    return {
      name: engagementName.slice(0, NAME_LIMIT),
      description: `Linked from the engagement “${engagementName}”, whose opportunity reference was ${ref}`,
    };
  return {
    name: ref.slice(0, NAME_LIMIT),
    description: `Created from the opportunity reference “${ref}” of the engagement “${engagementName}”.`,
  };
}

/** The technical win the engagements' verdicts give: the latest decided one counts (by last change). */
export function technicalWinFromVerdicts(
  engagements: readonly Pick<Engagement, 'name' | 'poc_verdict' | 'poc_verdict_note' | 'updated_at' | 'kind'>[],
): {
  status: 'won' | 'lost' | 'in_progress';
  reason: string | null;
} {
  const decided = engagements
    .filter((e) => e.kind === 'proof_of_concept' && (e.poc_verdict === 'pass' || e.poc_verdict === 'fail'))
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
  if (!decided) return { status: 'in_progress', reason: null };
  const note = decided.poc_verdict_note?.trim();
  if (decided.poc_verdict === 'pass') return { status: 'won', reason: `PoC “${decided.name}” passed${note ? `: ${note}` : ''}` };
  return { status: 'lost', reason: `PoC “${decided.name}” failed${note ? `: ${note}` : ''}` };
}

export async function up(untyped: Kysely<unknown>, _t: DialectTypes): Promise<void> {
  await untyped.schema
    .alterTable('engagements')
    .addColumn('opportunity_id', 'text', (c) => c.references('opportunities.id'))
    .execute();
  await untyped.schema.createIndex('engagements_opportunity').on('engagements').columns(['opportunity_id']).execute();
  await linkReferences(untyped as unknown as Kysely<Tables>);
}

async function linkReferences(db: Kysely<Tables>): Promise<void> {
  const referencing = await db
    .selectFrom('engagements')
    .select([
      'id',
      'account_id',
      'kind',
      'name',
      'opportunity_ref',
      'opportunity_id',
      'poc_verdict',
      'poc_verdict_note',
      'created_by',
      'created_at',
      'updated_at',
    ])
    .where('opportunity_ref', 'is not', null)
    .where('opportunity_id', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  // One deal per account and reference (compared without case or surrounding spaces).
  const deals = new Map<string, Engagement[]>();
  for (const e of referencing) {
    const ref = e.opportunity_ref!.trim();
    if (!ref) continue;
    const key = `${e.account_id}\u0001${ref.toLowerCase()}`;
    deals.set(key, [...(deals.get(key) ?? []), e]);
  }
  const now = new Date().toISOString();
  for (const engagements of deals.values()) {
    const first = engagements[0]!;
    const { name, description } = opportunityFromReference(first.opportunity_ref!, first.name);
    const win = technicalWinFromVerdicts(engagements);
    const id = uuidv7();
    await db
      .insertInto('opportunities')
      .values({
        id,
        account_id: first.account_id,
        name,
        stage: 'technical_validation',
        arr: 0,
        close_date: null,
        sales_owner_id: null,
        sales_engineer_id: null,
        solutions_architect_id: null,
        technical_win: win.status,
        technical_win_reason: win.reason,
        products: '[]',
        description,
        created_by: first.created_by,
        created_at: first.created_at,
        updated_at: now,
        closed_at: null,
      })
      .execute();
    // The deal's history starts with its stage and technical win, as for a deal created in the app.
    await db
      .insertInto('opportunity_stage_changes')
      .values([
        {
          id: uuidv7(),
          opportunity_id: id,
          field: 'stage',
          from_value: null,
          to_value: 'technical_validation',
          reason: null,
          changed_by: first.created_by,
          changed_at: first.created_at,
        },
        {
          id: uuidv7(),
          opportunity_id: id,
          field: 'technical_win',
          from_value: null,
          to_value: win.status,
          reason: win.reason,
          changed_by: first.created_by,
          changed_at: first.created_at,
        },
      ])
      .execute();
    await db
      .updateTable('engagements')
      .set({ opportunity_id: id })
      .where(
        'id',
        'in',
        engagements.map((e) => e.id),
      )
      .execute();
  }
}
