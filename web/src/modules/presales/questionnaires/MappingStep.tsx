import { Alert, Badge, Button, Group, NumberInput, ScrollArea, Select, SimpleGrid, Stack, Switch, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { SheetMapping, SheetPreview, WorkbookPreview } from './api';

type ColumnField = 'questionColumn' | 'referenceColumn' | 'sectionColumn' | 'shortAnswerColumn' | 'answerColumn' | 'commentColumn';

export const COLUMN_FIELDS: { field: ColumnField; label: string; badge: string; color: string; help: string }[] = [
  { field: 'questionColumn', label: 'Question column', badge: 'Question', color: 'blue', help: 'The text of each question' },
  { field: 'shortAnswerColumn', label: 'Yes / No column', badge: 'Yes/No', color: 'teal', help: 'Where a Yes, No or N/A goes' },
  { field: 'answerColumn', label: 'Answer column', badge: 'Answer', color: 'green', help: 'Where the full answer goes' },
  { field: 'commentColumn', label: 'Comment column', badge: 'Comment', color: 'lime', help: 'Where a comment goes' },
  { field: 'referenceColumn', label: 'Question number column', badge: 'No.', color: 'gray', help: 'The question’s own id, e.g. A.1.2' },
  {
    field: 'sectionColumn',
    label: 'Section column',
    badge: 'Section',
    color: 'grape',
    help: 'Leave empty: headings are found in the rows',
  },
];

/** What a sheet's mapping lacks before it can be imported; null when it is complete or skipped. */
export function mappingProblem(m: SheetMapping): string | null {
  if (m.skip) return null;
  if (!m.questionColumn) return 'Choose the question column';
  if (!m.shortAnswerColumn && !m.answerColumn) return 'Choose a Yes / No or an answer column';
  const used = COLUMN_FIELDS.map((f) => m[f.field]).filter(Boolean);
  if (new Set(used).size !== used.length) return 'A column is chosen twice';
  return null;
}

function SheetMappingForm({
  sheet,
  mapping,
  onChange,
}: {
  sheet: SheetPreview;
  mapping: SheetMapping;
  onChange: (m: SheetMapping) => void;
}) {
  const header = sheet.rows.find((r) => r.row === mapping.headerRow);
  const options = sheet.columns.map((letter, i) => {
    const heading = header?.cells[i]?.trim();
    return { value: letter, label: heading ? `${letter} · ${heading.slice(0, 40)}` : `Column ${letter}` };
  });
  const roleOf = new Map<string, (typeof COLUMN_FIELDS)[number]>();
  for (const f of COLUMN_FIELDS) {
    const c = mapping[f.field];
    if (c) roleOf.set(c, f);
  }
  const problem = mappingProblem(mapping);
  return (
    <Stack gap="sm" pt="sm">
      <Group justify="space-between" wrap="wrap">
        <Switch
          label="Import this sheet"
          checked={!mapping.skip}
          onChange={(e) => onChange({ ...mapping, skip: !e.currentTarget.checked })}
        />
        <Text size="xs" c="dimmed">
          {sheet.rowCount.toLocaleString()} rows · {sheet.columnCount} columns{sheet.hidden ? ' · hidden sheet' : ''}
        </Text>
      </Group>
      {sheet.guessNote && (
        <Text size="sm" c="dimmed">
          {sheet.guessNote}
        </Text>
      )}
      {!mapping.skip && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <NumberInput
            label="Header row"
            description="0 when there is none"
            min={0}
            max={1000}
            value={mapping.headerRow}
            onChange={(v) => onChange({ ...mapping, headerRow: typeof v === 'number' ? v : Number(v) || 0 })}
          />
          {COLUMN_FIELDS.map((f) => (
            <Select
              key={f.field}
              label={f.label}
              description={f.help}
              data={options}
              value={mapping[f.field]}
              clearable={f.field !== 'questionColumn'}
              allowDeselect={false}
              onChange={(v) => onChange({ ...mapping, [f.field]: v })}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
        </SimpleGrid>
      )}
      {problem && (
        <Alert color="yellow" py="xs">
          {problem}
        </Alert>
      )}
      <ScrollArea type="auto" offsetScrollbars style={{ maxHeight: 360 }} aria-label={`Preview of ${sheet.name}`}>
        <Table withTableBorder withColumnBorders striped={false} style={{ fontSize: 12 }} aria-label={`Rows of ${sheet.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              {sheet.columns.map((letter) => {
                const role = mapping.skip ? undefined : roleOf.get(letter);
                return (
                  <Table.Th key={letter} style={{ minWidth: 120, verticalAlign: 'top' }}>
                    <Group gap={4} wrap="nowrap">
                      <Text size="xs" fw={700}>
                        {letter}
                      </Text>
                      {role && (
                        <Badge size="xs" color={role.color}>
                          {role.badge}
                        </Badge>
                      )}
                    </Group>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sheet.rows.map((r) => {
              const isHeader = !mapping.skip && r.row === mapping.headerRow;
              return (
                <Table.Tr key={r.row} style={isHeader ? { fontWeight: 700, background: 'var(--mantine-color-blue-light)' } : undefined}>
                  <Table.Td c="dimmed">{r.row}</Table.Td>
                  {r.cells.map((text, i) => {
                    const role = mapping.skip || r.row <= mapping.headerRow ? undefined : roleOf.get(sheet.columns[i]!);
                    return (
                      <Table.Td
                        key={i}
                        style={{
                          maxWidth: 260,
                          whiteSpace: 'pre-wrap',
                          overflowWrap: 'anywhere',
                          verticalAlign: 'top',
                          background: role ? `var(--mantine-color-${role.color}-light)` : undefined,
                        }}
                      >
                        {text.length > 160 ? `${text.slice(0, 160)}…` : text}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {sheet.rowCount > sheet.rows.length && (
        <Text size="xs" c="dimmed">
          The first {sheet.rows.length} of {sheet.rowCount.toLocaleString()} rows are shown.
          {sheet.merges.length > 0 && ` Merged: ${sheet.merges.slice(0, 6).join(', ')}${sheet.merges.length > 6 ? '…' : ''}.`}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The mapping screen: one tab per sheet with the guessed mapping to confirm or change and a
 * preview grid that colours the chosen columns. `onImport` gets the whole mapping.
 */
export function MappingStep({
  preview,
  importing,
  onImport,
  onBack,
}: {
  preview: WorkbookPreview;
  importing: boolean;
  onImport: (sheets: SheetMapping[]) => void;
  onBack?: () => void;
}) {
  const [mappings, setMappings] = useState<Record<string, SheetMapping>>(() =>
    Object.fromEntries(preview.sheets.map((s) => [s.name, s.guess])),
  );
  const [tab, setTab] = useState<string | null>(preview.sheets.find((s) => !s.guess.skip)?.name ?? preview.sheets[0]?.name ?? null);
  const list = preview.sheets.map((s) => mappings[s.name]!);
  const toImport = list.filter((m) => !m.skip);
  const problems = list.map(mappingProblem).filter(Boolean);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {preview.fileName}: check each sheet. Outpost guessed the header row and the columns from their headings; the export writes the
        answers into the same cells of this file.
      </Text>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <ScrollArea type="auto" scrollbars="x">
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
            {preview.sheets.map((s) => (
              <Tabs.Tab
                key={s.name}
                value={s.name}
                rightSection={
                  mappings[s.name]!.skip ? (
                    <Badge size="xs" color="gray" variant="light">
                      skip
                    </Badge>
                  ) : mappingProblem(mappings[s.name]!) ? (
                    <Badge size="xs" color="yellow" variant="light">
                      !
                    </Badge>
                  ) : null
                }
              >
                {s.name}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </ScrollArea>
        {preview.sheets.map((s) => (
          <Tabs.Panel key={s.name} value={s.name}>
            <SheetMappingForm sheet={s} mapping={mappings[s.name]!} onChange={(m) => setMappings((all) => ({ ...all, [s.name]: m }))} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c={toImport.length ? undefined : 'red'}>
          {toImport.length ? `${toImport.length} of ${list.length} sheets to import` : 'Choose at least one sheet to import'}
        </Text>
        <Group gap="sm">
          {onBack && (
            <Button variant="default" onClick={onBack}>
              Choose another file
            </Button>
          )}
          <Button onClick={() => onImport(list)} loading={importing} disabled={toImport.length === 0 || problems.length > 0}>
            Import questions
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
