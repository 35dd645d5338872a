import { errors } from '../../../kernel/errors.js';
import type { TicketFieldType } from '../tables.js';

/**
 * A custom field's value between the API and the database (pure: no I/O). Every value is stored as
 * text, as Zendesk's export carries it: numbers in their canonical form, a checkbox "true"/"false",
 * a date YYYY-MM-DD, a multi-select's option values space-separated (Zendesk's tag-like values hold
 * no spaces).
 */

export type FieldValue = string | number | boolean | string[] | null;

export interface FieldDefinition {
  id: string;
  title: string;
  fieldType: TicketFieldType;
  options: readonly { name: string; value: string }[];
  pattern: string | null;
}

const INTEGER = /^[-+]?\d{1,15}$/;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** Text or a number given as the API's scalar, trimmed; null for anything else. */
function scalarText(value: FieldValue): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * The stored text of `value` for `field`, or null to clear the field (null, '' or an empty
 * multi-select). Throws `ticket_fields.value_invalid`, naming the field, when the value does not
 * fit the field's type.
 *
 * @example encodeFieldValue({ ...plan, fieldType: 'dropdown', options: [{ name: 'Gold', value: 'gold' }] }, 'gold') // 'gold'
 */
export function encodeFieldValue(field: FieldDefinition, value: FieldValue): string | null {
  const invalid = (expected: string) => errors.ticketFieldValueInvalid(field.title, expected, field.id);
  if (value === null || value === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  switch (field.fieldType) {
    case 'text':
    case 'textarea': {
      const text = scalarText(value);
      if (text === null) throw invalid('text');
      if (field.fieldType === 'text' && text.includes('\n')) throw invalid('one line of text');
      return text === '' ? null : text;
    }
    case 'integer': {
      const text = scalarText(value);
      if (text === null || !INTEGER.test(text)) throw invalid('a whole number');
      return String(Number(text));
    }
    case 'decimal': {
      const text = scalarText(value);
      if (text === null || !DECIMAL.test(text)) throw invalid('a number');
      return String(Number(text));
    }
    case 'checkbox': {
      if (typeof value === 'boolean') return String(value);
      if (value === 'true' || value === 'false') return value;
      throw invalid('true or false');
    }
    case 'date': {
      const text = scalarText(value);
      // Zendesk exports may carry a full timestamp; the field holds its day.
      const day = text && /^\d{4}-\d{2}-\d{2}T/.test(text) ? text.slice(0, 10) : text;
      if (day === null || !isCalendarDate(day)) throw invalid('a date as YYYY-MM-DD');
      return day;
    }
    case 'dropdown': {
      const text = scalarText(value);
      const allowed = field.options.map((o) => o.value);
      if (text === null || !allowed.includes(text)) throw invalid(`one of its options (${allowed.join(', ')})`);
      return text;
    }
    case 'multiselect': {
      const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : null;
      const allowed = new Set(field.options.map((o) => o.value));
      if (values === null || values.some((v) => !allowed.has(v))) throw invalid(`a list of its options (${[...allowed].join(', ')})`);
      return values.length ? [...new Set(values)].join(' ') : null;
    }
    case 'regexp': {
      const text = scalarText(value);
      if (text === null || !patternOf(field).test(text)) throw invalid(`text matching ${field.pattern ?? 'its pattern'}`);
      return text;
    }
  }
}

/** A regexp field's pattern, whole-value: Zendesk checks the value against it as given. */
function patternOf(field: FieldDefinition): RegExp {
  try {
    return new RegExp(field.pattern ?? '');
  } catch {
    return /^$/; // an unreadable pattern (only ever from an import) accepts nothing rather than everything
  }
}

/** The API's value of a stored text, by the field's type. */
export function decodeFieldValue(fieldType: TicketFieldType, stored: string): FieldValue {
  switch (fieldType) {
    case 'integer':
    case 'decimal': {
      const n = Number(stored);
      return Number.isFinite(n) ? n : stored;
    }
    case 'checkbox':
      return stored === 'true';
    case 'multiselect':
      return stored.split(' ').filter(Boolean);
    default:
      return stored;
  }
}

/** What a search finds a value by: a drop-down's or multi-select's option names beside their values. */
export function searchableText(field: FieldDefinition, stored: string): string {
  if (field.fieldType !== 'dropdown' && field.fieldType !== 'multiselect') return stored;
  const names = stored
    .split(' ')
    .map((v) => field.options.find((o) => o.value === v)?.name ?? v)
    .join(', ');
  return names === stored ? stored : `${names} (${stored})`;
}
