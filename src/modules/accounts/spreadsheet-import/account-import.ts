import { readAmount, readChoice, readDate, readList } from '../../../kernel/spreadsheet/cell-values.js';
import { problemsFromZod, type ImportKind, type PlannedRow, type RowProblem } from '../../../kernel/spreadsheet/spreadsheet-import.js';
import { createAccountBody, updateAccountBody, type CreateAccountInput, type UpdateAccountInput } from '../contract/accounts.js';
import { LIFECYCLE_STAGES, SEGMENTS } from '../contract/kinds.js';
import { createAccount, updateAccount } from '../service.js';
import { accountsByNameOrDomain, type AccountMatch } from './account-lookups.js';

type AccountRowInput = { kind: 'create'; body: CreateAccountInput } | { kind: 'update'; id: string; body: UpdateAccountInput };

const SEGMENT_WORDS: Record<string, (typeof SEGMENTS)[number]> = {
  midmarket: 'mid_market',
  mm: 'mid_market',
  ent: 'enterprise',
  smallbusiness: 'smb',
};

/** The row as the create route's body would be, leaving out empty cells so the route's defaults apply. */
function bodyOf(values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = { name: values.name };
  if (values.domains) body.domains = readList(values.domains).map((d) => d.toLowerCase().replace(/^https?:\/\/(www\.)?|\/.*$/g, ''));
  if (values.segment) body.segment = readChoice(values.segment, SEGMENTS, SEGMENT_WORDS);
  if (values.arr) body.arr = readAmount(values.arr);
  if (values.lifecycleStage) body.lifecycleStage = readChoice(values.lifecycleStage, LIFECYCLE_STAGES);
  if (values.renewalDate) body.renewalDate = readDate(values.renewalDate);
  return body;
}

/**
 * Accounts from a spreadsheet. A row whose name (without case) or one of whose domains is an
 * existing account's UPDATES that account (its domains are added to the account's, never
 * replace them; one found by domain keeps its own name); any other row creates an account with the rules of POST /api/accounts. A second
 * row for the same account in one file is refused, so a file never doubles an account.
 */
export const accountImport: ImportKind<AccountRowInput> = {
  fields: [
    { key: 'name', label: 'Name', required: true, headers: ['account', 'account name', 'company', 'organization', 'organisation'] },
    { key: 'domains', label: 'Domain', required: false, headers: ['domains', 'domain names', 'website', 'e-mail domain'] },
    { key: 'segment', label: 'Segment', required: false, headers: ['tier', 'customer segment'] },
    { key: 'arr', label: 'ARR', required: false, headers: ['annual recurring revenue', 'revenue', 'arr usd'] },
    { key: 'lifecycleStage', label: 'Lifecycle stage', required: false, headers: ['stage', 'lifecycle'] },
    { key: 'renewalDate', label: 'Renewal date', required: false, headers: ['renewal', 'renews on', 'renewal due'] },
  ],

  async plan(db, rows) {
    const bodies = rows.map((r) => bodyOf(r.values));
    const directory = await accountsByNameOrDomain(
      db,
      rows.map((r) => r.values.name ?? ''),
      bodies.flatMap((b) => (Array.isArray(b.domains) ? (b.domains as string[]) : [])),
    );
    const seen = new Map<string, number>();
    return rows.map((r, i): PlannedRow<AccountRowInput> => {
      const body = bodies[i]!;
      const domains = Array.isArray(body.domains) ? (body.domains as string[]) : [];
      const problems: RowProblem[] = [];
      const keys = [`name:${String(body.name ?? '').toLowerCase()}`, ...domains.map((d) => `domain:${d}`)];
      const earlier = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
      if (earlier !== undefined) problems.push({ field: null, message: `The same account as row ${earlier}: one row per account.` });
      for (const k of keys) if (!seen.has(k)) seen.set(k, r.row);

      const byName = directory.byName.get(String(body.name ?? '').toLowerCase());
      const byDomain = domains.map((d) => directory.byDomain.get(d)).filter((a): a is AccountMatch => !!a);
      const existing = byName ?? byDomain[0];
      const other = byDomain.find((a) => existing && a.id !== existing.id);
      if (other) problems.push({ field: 'domains', message: `A domain of this row belongs to another account, ${other.name}.` });

      if (existing) {
        // Found by a domain under another name ("Acme Inc." for "Acme"): the account keeps its name.
        const { name: _name, ...rest } = body;
        const parsed = updateAccountBody.safeParse({ ...(byName ? body : rest), domains: [...new Set([...existing.domains, ...domains])] });
        if (!parsed.success) problems.push(...problemsFromZod(accountImport, parsed.error));
        const ok = parsed.success && problems.length === 0;
        return {
          row: r.row,
          values: r.values,
          action: ok ? 'update' : 'invalid',
          problems,
          input: ok ? { kind: 'update', id: existing.id, body: parsed.data } : null,
        };
      }
      const parsed = createAccountBody.safeParse(body);
      if (!parsed.success) problems.push(...problemsFromZod(accountImport, parsed.error));
      const ok = parsed.success && problems.length === 0;
      return {
        row: r.row,
        values: r.values,
        action: ok ? 'create' : 'invalid',
        problems,
        input: ok ? { kind: 'create', body: parsed.data } : null,
      };
    });
  },

  async write(trx, ctx, row) {
    if (row.input.kind === 'create') await createAccount(trx, ctx, row.input.body);
    else await updateAccount(trx, ctx, row.input.id, row.input.body);
  },
};
