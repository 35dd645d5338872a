import { useState } from 'react';
import { Badge, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { ImportPreview } from './api';

/** More rows than this are summarised, not drawn: the counts above cover every row. */
const SHOWN = 200;

const ACTION = {
  create: { label: 'New', color: 'teal' },
  update: { label: 'Update', color: 'blue' },
  invalid: { label: 'Not imported', color: 'red' },
} as const;

/** Every row as "Import" will treat it: new, an update of an existing record, or not imported and why (by column). */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const [only, setOnly] = useState<'all' | 'problems'>(preview.counts.invalid > 0 ? 'problems' : 'all');
  const mapped = preview.fields.filter((f) => preview.mapping[f.key] !== null && preview.mapping[f.key] !== undefined);
  const rows = only === 'problems' ? preview.rows.filter((r) => r.action === 'invalid') : preview.rows;
  const { counts } = preview;

  return (
    <Card p={0}>
      <Stack gap="xs" p="md" pb="xs">
        <Group justify="space-between" gap="xs">
          <Text size="sm" aria-label="Preview summary">
            {counts.rows} rows: {counts.create} new, {counts.update} to update, {counts.invalid} with problems
          </Text>
          <SegmentedControl
            size="xs"
            value={only}
            onChange={(v) => setOnly(v as 'all' | 'problems')}
            data={[
              { value: 'all', label: 'All rows' },
              { value: 'problems', label: `With problems (${counts.invalid})` },
            ]}
          />
        </Group>
      </Stack>
      <Table.ScrollContainer minWidth={Math.max(480, 160 + mapped.length * 140)}>
        <Table aria-label="Rows to import" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64} pl="md">
                Row
              </Table.Th>
              <Table.Th w={160}>Import as</Table.Th>
              {mapped.map((f) => (
                <Table.Th key={f.key}>{f.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <Table.Tr key={r.row} data-row={r.row}>
                <Table.Td pl="md">{r.row}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={ACTION[r.action].color}>
                    {ACTION[r.action].label}
                  </Badge>
                  {r.issues
                    .filter((i) => i.field === null || !mapped.some((f) => f.key === i.field))
                    .map((i, n) => (
                      <Text key={n} size="xs" c="red" role="note">
                        {i.message}
                      </Text>
                    ))}
                </Table.Td>
                {mapped.map((f) => {
                  const issues = r.issues.filter((i) => i.field === f.key);
                  return (
                    <Table.Td key={f.key} style={{ verticalAlign: 'top' }}>
                      <Text size="sm" lineClamp={2} style={{ wordBreak: 'break-word' }}>
                        {r.values[f.key] || '—'}
                      </Text>
                      {issues.map((i, n) => (
                        <Text key={n} size="xs" c="red" role="note">
                          {i.message}
                        </Text>
                      ))}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > SHOWN && (
        <Text size="xs" c="dimmed" p="md">
          Showing the first {SHOWN} of {rows.length} rows.
        </Text>
      )}
      {rows.length === 0 && (
        <Text size="sm" c="dimmed" p="md">
          No row has a problem.
        </Text>
      )}
    </Card>
  );
}
