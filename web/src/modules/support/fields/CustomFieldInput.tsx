import { useState } from 'react';
import { Checkbox, MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { TicketCustomField, TicketField } from './api';

type Value = TicketCustomField['value'];

/**
 * One custom field's editor on the ticket page, by the field's type. Choices save as they are
 * picked; typed values save when the input loses focus (not on every key), and only when changed.
 */
export function CustomFieldInput({
  field,
  value,
  disabled,
  onSave,
}: {
  field: TicketField;
  value: Value;
  disabled: boolean;
  onSave: (value: Value) => void;
}) {
  const label = field.title;
  const description = field.description ?? undefined;
  const choices = field.options.map((o) => ({ value: o.value, label: o.name }));
  switch (field.fieldType) {
    case 'checkbox':
      return (
        <Checkbox
          label={label}
          description={description}
          checked={value === true}
          disabled={disabled}
          onChange={(e) => onSave(e.currentTarget.checked)}
        />
      );
    case 'dropdown':
      return (
        <Select
          label={label}
          description={description}
          placeholder="—"
          clearable
          data={choices}
          value={typeof value === 'string' ? value : null}
          disabled={disabled}
          onChange={(v) => v !== value && onSave(v)}
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          label={label}
          description={description}
          placeholder="—"
          clearable
          data={choices}
          value={Array.isArray(value) ? value : []}
          disabled={disabled}
          onChange={(v) => onSave(v.length ? v : null)}
        />
      );
    case 'date':
      return (
        <DateInput
          label={label}
          description={description}
          placeholder="YYYY-MM-DD"
          valueFormat="YYYY-MM-DD"
          clearable
          value={typeof value === 'string' ? value : null}
          disabled={disabled}
          onChange={(v) => (v ?? null) !== value && onSave(v ?? null)}
        />
      );
    default:
      return <TypedValueInput field={field} value={value} disabled={disabled} onSave={onSave} />;
  }
}

/** Text, numbers and patterns: edited locally, saved on blur. */
function TypedValueInput({
  field,
  value,
  disabled,
  onSave,
}: {
  field: TicketField;
  value: Value;
  disabled: boolean;
  onSave: (value: Value) => void;
}) {
  const initial = value === null || value === undefined ? '' : String(value);
  const [draft, setDraft] = useState<string>(initial);
  const commit = () => {
    if (draft.trim() === initial) return;
    const text = draft.trim();
    if (!text) return onSave(null);
    onSave(field.fieldType === 'integer' || field.fieldType === 'decimal' ? Number(text) : text);
  };
  const common = { label: field.title, description: field.description ?? undefined, disabled, onBlur: commit };
  if (field.fieldType === 'integer' || field.fieldType === 'decimal')
    return (
      <NumberInput
        {...common}
        allowDecimal={field.fieldType === 'decimal'}
        value={draft}
        onChange={(v) => setDraft(String(v))}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    );
  if (field.fieldType === 'textarea')
    return <Textarea {...common} autosize minRows={2} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} />;
  return (
    <TextInput
      {...common}
      placeholder={field.fieldType === 'regexp' ? (field.pattern ?? undefined) : undefined}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}
