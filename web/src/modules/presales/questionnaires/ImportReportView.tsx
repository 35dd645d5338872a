import { Alert, Badge, Group, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportReport } from './api';

const KIND_LABELS = { skipped: 'Skipped', section: 'Section', warning: 'Warning' } as const;
const KIND_COLORS = { skipped: 'gray', section: 'blue', warning: 'orange' } as const;
const SHEET_COLORS = { imported: 'teal', skipped: 'gray', no_questions: 'orange' } as const;
const SHEET_LABELS = { imported: 'Imported', skipped: 'Left out', no_questions: 'No questions' } as const;

/** What the import did with every sheet and every row that did not become a plain question. */
export function ImportReportView({ report, failed = false }: { report: ImportReport; failed?: boolean }) {
  const [kind, setKind] = useState<'all' | 'skipped' | 'section' | 'warning'>('all');
  const rows = kind === 'all' ? report.rows : report.rows.filter((r) => r.kind === kind);
  const skipped = report.rows.filter((r) => r.kind === 'skipped').length;
  const warnings = report.rows.filter((r) => r.kind === 'warning').length;
  return (
    <Stack gap="sm">
      {failed ? (
        <Alert color="red" title="No question was found">
          Check the question column and the header row of each sheet: every row’s reason is listed below.
        </Alert>
      ) : (
        <Alert
          color={skipped || warnings ? 'yellow' : 'teal'}
          title={`Imported ${report.questions.toLocaleString()} questions in ${report.sections} sections`}
        >
          {skipped} row{skipped === 1 ? '' : 's'} skipped and {warnings} warning{warnings === 1 ? '' : 's'}, each listed below with its
          reason.
        </Alert>
      )}
      <Table.ScrollContainer minWidth={420}>
        <Table aria-label="Sheets" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Sheet</Table.Th>
              <Table.Th>Result</Table.Th>
              <Table.Th>Questions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.sheets.map((s) => (
              <Table.Tr key={s.sheet}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{s.sheet}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Badge variant="light" color={SHEET_COLORS[s.status]}>
                      {SHEET_LABELS[s.status]}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {s.message}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{s.questions}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {report.rows.length > 0 && (
        <>
          <Group justify="space-between" wrap="wrap">
            <Text fw={600} size="sm">
              Rows to know about
            </Text>
            <SegmentedControl
              size="xs"
              aria-label="Which rows"
              value={kind}
              onChange={(v) => setKind(v as typeof kind)}
              data={[
                { value: 'all', label: `All ${report.rows.length}` },
                { value: 'skipped', label: `Skipped ${skipped}` },
                { value: 'warning', label: `Warnings ${warnings}` },
                { value: 'section', label: 'Sections' },
              ]}
            />
          </Group>
          <ScrollArea.Autosize mah={320} type="auto">
            <Table aria-label="Import report" striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Where</Table.Th>
                  <Table.Th>What</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, 1000).map((r) => (
                  <Table.Tr key={`${r.sheet}:${r.row}:${r.code}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                      <Text size="sm">{r.sheet}</Text>
                      <Text size="xs" c="dimmed">
                        row {r.row}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="xs" variant="light" color={KIND_COLORS[r.kind]} mr={6}>
                        {KIND_LABELS[r.kind]}
                      </Badge>
                      <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {r.message}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {rows.length > 1000 && (
              <Text size="xs" c="dimmed" p="xs">
                The first 1,000 of {rows.length.toLocaleString()} rows are shown.
              </Text>
            )}
          </ScrollArea.Autosize>
        </>
      )}
    </Stack>
  );
}
