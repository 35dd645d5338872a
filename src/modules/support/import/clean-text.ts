import type { ImportedTicket } from './imported-ticket.js';

/**
 * An imported ticket's text without NUL characters. The HTTP boundary refuses them, but an import
 * reads export files directly, and PostgreSQL cannot store a NUL in text where SQLite would: one
 * stray byte in a years-old comment would fail its whole batch on one database and not the other.
 * Dropping it changes no visible character.
 */
const NUL = '\u0000';
const clean = (s: string) => (s.includes(NUL) ? s.split(NUL).join('') : s);

export function withoutNul(t: ImportedTicket): ImportedTicket {
  return {
    ...t,
    subject: clean(t.subject),
    tags: t.tags.map(clean),
    customFields: t.customFields.map((f) => ({
      fieldId: f.fieldId,
      value: typeof f.value === 'string' ? clean(f.value) : Array.isArray(f.value) ? f.value.map(clean) : f.value,
    })),
    messages: t.messages.map((m) => ({ ...m, body: clean(m.body) })),
    satisfaction: t.satisfaction && { ...t.satisfaction, comment: t.satisfaction.comment === null ? null : clean(t.satisfaction.comment) },
  };
}
