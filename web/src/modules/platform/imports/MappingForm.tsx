import { Card, Loader, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ImportMapping, ImportPreview } from './api';

/**
 * Which column holds which field, suggested from the header names; each change checks every row
 * again. A workbook with several sheets also picks its sheet.
 */
export function MappingForm({
  preview,
  checking,
  onChange,
}: {
  preview: ImportPreview;
  checking: boolean;
  onChange: (mapping: ImportMapping) => void;
}) {
  const columns = preview.columns.map((c) => ({ value: String(c.index), label: `${c.letter} · ${c.header || '(no header)'}` }));
  const setColumn = (field: string, value: string | null) => {
    const index = value === null ? null : Number(value);
    // A column feeds one field: picking it here takes it from the field that had it.
    const columns = Object.fromEntries(Object.entries(preview.mapping).map(([key, i]) => [key, index !== null && i === index ? null : i]));
    onChange({ sheet: preview.sheet, columns: { ...columns, [field]: index } });
  };

  return (
    <Card>
      <Stack gap="sm">
        <Text fw={600} size="sm">
          Columns {checking && <Loader size={12} ml={6} />}
        </Text>
        {preview.sheets.length > 1 && (
          <Select
            label="Sheet"
            maw={320}
            data={preview.sheets.map((s, i) => ({ value: String(i), label: `${s.name} (${s.rows} rows)` }))}
            value={String(preview.sheet)}
            allowDeselect={false}
            // Another sheet has other columns: its mapping is suggested afresh.
            onChange={(v) => v !== null && onChange({ sheet: Number(v), columns: {} })}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          {preview.fields.map((field) => (
            <Select
              key={field.key}
              label={field.label}
              required={field.required}
              placeholder={field.required ? 'Pick a column' : 'Not imported'}
              data={columns}
              value={
                preview.mapping[field.key] === null || preview.mapping[field.key] === undefined ? null : String(preview.mapping[field.key])
              }
              clearable={!field.required}
              allowDeselect={!field.required}
              onChange={(v) => setColumn(field.key, v)}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
