import { readChoice } from '../../../kernel/spreadsheet/cell-values.js';
import { problemsFromZod, type ImportKind, type PlannedRow, type RowProblem } from '../../../kernel/spreadsheet/spreadsheet-import.js';
import { createContactBody, updateContactBody, type CreateContactInput, type UpdateContactInput } from '../contract/accounts.js';
import { CUSTOMER_ROLES } from '../contract/kinds.js';
import { createContact, updateContact } from '../service.js';
import { accountsByNameOrDomain, contactsByEmail, findAccount } from './account-lookups.js';

type ContactRowInput =
  { kind: 'create'; accountId: string; body: CreateContactInput } | { kind: 'update'; contactId: string; body: UpdateContactInput };

const domainOf = (email: string) => email.toLowerCase().split('@')[1] ?? '';

function bodyOf(values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = { name: values.name, email: values.email };
  if (values.title) body.title = values.title;
  if (values.phone) body.phone = values.phone;
  if (values.customerRole) body.customerRole = readChoice(values.customerRole, CUSTOMER_ROLES);
  return body;
}

/**
 * Contacts from a spreadsheet. The account is named in its own column by name or domain; left
 * empty, it is the account owning the e-mail's domain. A contact with the row's e-mail (without
 * case) is UPDATED, not doubled; it stays on its account, so a row naming another account is
 * refused. New contacts follow the rules of POST /api/accounts/:id/contacts.
 */
export const contactImport: ImportKind<ContactRowInput> = {
  fields: [
    { key: 'name', label: 'Contact name', required: true, headers: ['name', 'full name', 'contact'] },
    { key: 'email', label: 'E-mail', required: true, headers: ['email', 'email address', 'e-mail address', 'mail'] },
    { key: 'account', label: 'Account', required: false, headers: ['account name', 'company', 'organization', 'organisation', 'domain'] },
    { key: 'title', label: 'Title', required: false, headers: ['job title', 'position', 'role title'] },
    { key: 'phone', label: 'Phone', required: false, headers: ['phone number', 'telephone', 'mobile'] },
    { key: 'customerRole', label: 'Customer role', required: false, headers: ['role'] },
  ],

  async plan(db, rows) {
    const emails = rows.map((r) => (r.values.email ?? '').toLowerCase());
    const [directory, existing] = await Promise.all([
      accountsByNameOrDomain(
        db,
        rows.map((r) => r.values.account ?? ''),
        [...rows.map((r) => (r.values.account ?? '').replace(/^@/, '')), ...emails.map(domainOf)],
      ),
      contactsByEmail(db, emails),
    ]);
    const seen = new Map<string, number>();
    return rows.map((r): PlannedRow<ContactRowInput> => {
      const body = bodyOf(r.values);
      const problems: RowProblem[] = [];
      const email = (r.values.email ?? '').toLowerCase();
      const earlier = seen.get(email);
      if (email && earlier !== undefined)
        problems.push({ field: 'email', message: `The same e-mail as row ${earlier}: one row per contact.` });
      else if (email) seen.set(email, r.row);

      const reference = r.values.account ?? '';
      const account = reference ? findAccount(directory, reference) : directory.byDomain.get(domainOf(email));
      const contact = existing.get(email);
      if (!account && !contact)
        problems.push({
          field: 'account',
          message: reference
            ? `No account is named "${reference}" or has it as a domain.`
            : 'Name the account: no account has this e-mail’s domain.',
        });
      if (contact && account && reference && account.id !== contact.accountId)
        problems.push({
          field: 'account',
          message: 'A contact with this e-mail is on another account; contacts are not moved by an import.',
        });

      if (contact) {
        const parsed = updateContactBody.safeParse(body);
        if (!parsed.success) problems.push(...problemsFromZod(contactImport, parsed.error));
        const ok = parsed.success && problems.length === 0;
        return {
          row: r.row,
          values: r.values,
          action: ok ? 'update' : 'invalid',
          problems,
          input: ok ? { kind: 'update', contactId: contact.id, body: parsed.data } : null,
        };
      }
      const parsed = createContactBody.safeParse(body);
      if (!parsed.success) problems.push(...problemsFromZod(contactImport, parsed.error));
      const ok = parsed.success && problems.length === 0 && !!account;
      return {
        row: r.row,
        values: r.values,
        action: ok ? 'create' : 'invalid',
        problems,
        input: ok && account ? { kind: 'create', accountId: account.id, body: parsed.data } : null,
      };
    });
  },

  async write(trx, ctx, row) {
    if (row.input.kind === 'create') await createContact(trx, ctx, row.input.accountId, row.input.body);
    else await updateContact(trx, ctx, row.input.contactId, row.input.body);
  },
};
