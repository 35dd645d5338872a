import type { Actor } from '../../../kernel/actor.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import type { Permission } from '../../../kernel/permissions.js';
import { importTicketField, saveMacro } from '../../support/index.js';
import { memberRefs } from '../../team/index.js';
import { count, idsOf, runStep, skip, type ImportContext } from './import-context.js';
import { mapMacro } from './map-macro.js';
import { idKey, type ZendeskMacro, type ZendeskTicketField } from './zendesk-records.js';

/** Zendesk's own ticket columns appear in ticket_fields too; Outpost has them as ticket columns already. */
const SYSTEM_FIELD_TYPES = new Set([
  'subject',
  'description',
  'status',
  'custom_status',
  'tickettype',
  'priority',
  'basic_priority',
  'group',
  'assignee',
  'brand',
]);

const FIELD_TYPES: Record<
  string,
  'text' | 'textarea' | 'integer' | 'decimal' | 'checkbox' | 'date' | 'dropdown' | 'multiselect' | 'regexp'
> = {
  text: 'text',
  textarea: 'textarea',
  integer: 'integer',
  decimal: 'decimal',
  checkbox: 'checkbox',
  date: 'date',
  tagger: 'dropdown',
  dropdown: 'dropdown',
  multiselect: 'multiselect',
  regexp: 'regexp',
  // Zendesk stores only the last four digits of a credit card field: plain text here.
  partialcreditcard: 'text',
};

export async function importTicketFields(ctx: ImportContext): Promise<void> {
  const known = idsOf(ctx, 'ticket_field');
  await runStep<ZendeskTicketField>(ctx, 'ticket_fields', async (db, batch, outcome) => {
    for (const item of batch) {
      if ('error' in item) {
        skip(outcome, 'ticket_field', null, item.error);
        continue;
      }
      const field = item.record;
      const id = idKey(field.id);
      const type = field.type ?? '';
      if (!id) skip(outcome, 'ticket_field', null, 'a ticket field without an id');
      else if (known.has(id)) count(outcome, 'ticket_field', 'unchanged');
      else if (SYSTEM_FIELD_TYPES.has(type))
        skip(outcome, 'ticket_field', id, `system field "${type}": Outpost keeps it as a ticket column`);
      else if (!FIELD_TYPES[type]) skip(outcome, 'ticket_field', id, `field type "${type}" is not supported`);
      else {
        try {
          const fieldId = await importTicketField(db, {
            title: (field.title?.trim() || `Field ${id}`).slice(0, 200),
            fieldType: FIELD_TYPES[type],
            options: (field.custom_field_options ?? []).map((o) => ({
              name: (o.name ?? o.value ?? '').trim().slice(0, 200) || String(o.value),
              value: (o.value ?? o.name ?? '').trim().replace(/\s+/g, '_').slice(0, 200),
            })),
            active: field.active !== false,
            description: field.description?.slice(0, 2000) ?? null,
            pattern: (field as { regexp_for_validation?: string | null }).regexp_for_validation ?? null,
          });
          count(outcome, 'ticket_field', 'imported');
          outcome.externalIds.push({ kind: 'ticket_field', externalId: id, outpostId: fieldId });
          outcome.claims.push({ kind: 'ticket_field', numericId: Number(id), outpostId: fieldId });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          skip(outcome, 'ticket_field', id, err.message);
        }
      }
    }
  });
}

export async function importMacros(ctx: ImportContext): Promise<void> {
  const known = idsOf(ctx, 'macro');
  const people = idsOf(ctx, 'user');
  const groups = idsOf(ctx, 'group');
  // Macros are shared with the team and need an author: the first imported admin, else any imported agent.
  const members = [...people.values()].filter((v) => v.startsWith('member:')).map((v) => v.slice(7));
  await runStep<ZendeskMacro>(ctx, 'macros', async (db, batch, outcome) => {
    const refs = await memberRefs(db, members.slice(0, 50));
    const author = [...refs.values()][0];
    for (const item of batch) {
      if ('error' in item) {
        skip(outcome, 'macro', null, item.error);
        continue;
      }
      const id = idKey(item.record.id);
      if (!id) skip(outcome, 'macro', null, 'a macro without an id');
      else if (known.has(id)) count(outcome, 'macro', 'unchanged');
      else if (item.record.active === false) skip(outcome, 'macro', id, 'inactive in Zendesk');
      else if (!author) skip(outcome, 'macro', id, 'no imported agent to own the macro');
      else {
        const mapped = mapMacro(
          item.record,
          (z) => people.get(z),
          (z) => groups.get(z),
        );
        if (mapped.invalid) {
          skip(outcome, 'macro', id, mapped.invalid);
          continue;
        }
        for (const left of mapped.leftOut) outcome.skips.push({ kind: 'macro_action', externalId: id, reason: left });
        try {
          const actor: Actor = {
            type: 'member',
            memberId: author.id,
            tokenId: null,
            name: author.name,
            email: author.email,
            roles: ['admin'],
            permissions: new Set(['runbooks.manage' as Permission]),
            session: null,
          };
          const macro = await saveMacro(db, SYSTEM_CONTEXT, actor, null, mapped.input);
          count(outcome, 'macro', 'imported');
          outcome.externalIds.push({ kind: 'macro', externalId: id, outpostId: macro.id });
          outcome.claims.push({ kind: 'macro', numericId: Number(id), outpostId: macro.id });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          skip(outcome, 'macro', id, err.message);
        }
      }
    }
  });
}
