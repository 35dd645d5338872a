import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  Progress,
  Radio,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { ApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { useImportLibrary, type LibraryImportReport } from './api';

const OUTCOME_COLORS = { imported: 'teal', updated: 'blue', skipped: 'gray' } as const;
const OUTCOME_LABELS = { imported: 'Imported', updated: 'Updated', skipped: 'Skipped' } as const;
const FIELD_LABELS: Record<string, string> = {
  question: 'Question',
  variants: 'Other phrasing',
  shortAnswer: 'Short answer',
  longAnswer: 'Long answer',
  productArea: 'Product area',
  tags: 'Tags',
  ownerEmail: 'Owner e-mail',
  reviewIntervalDays: 'Review interval',
};

/**
 * Bulk import from a spreadsheet (XLSX or CSV, up to 5,000 rows): the upload's progress, then what
 * each column was read as and what happened to every row — imported, updated (same question) or
 * skipped with the reason.
 */
export function ImportLibraryModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { can, session } = useAuth();
  const importer = useImportLibrary();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState('');
  const [status, setStatus] = useState<'draft' | 'approved'>('draft');
  const [sent, setSent] = useState(0);
  const [report, setReport] = useState<LibraryImportReport | null>(null);

  const close = () => {
    setFile(null);
    setSheet('');
    setStatus('draft');
    setSent(0);
    setReport(null);
    importer.reset();
    onClose();
  };
  const start = () => {
    if (!file) return;
    setReport(null);
    setSent(0);
    importer.mutate(
      { file, status, sheet: sheet.trim() || undefined, csrfToken: session?.csrfToken ?? '', onProgress: setSent },
      { onSuccess: setReport },
    );
  };
  const uploading = importer.isPending && sent < 1;

  return (
    <Modal opened={opened} onClose={close} title="Import library entries" size="xl" centered>
      <Stack gap="sm">
        {!report && (
          <>
            <Text size="sm" c="dimmed">
              An .xlsx workbook or a UTF-8 .csv file, one entry per row, with a header row naming the columns: <b>Question</b> (required),
              Variants (several separated by “;” or line breaks; or “Alternate question” columns), Short answer (Yes / No / N/A), Long
              answer, Product area, Tags (comma-separated), Owner e-mail. A row whose question is already in the library updates that entry.
              Up to 5,000 rows.
            </Text>
            <FileInput
              label="Spreadsheet"
              placeholder="library.xlsx"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              clearable
            />
            <TextInput
              label="Sheet"
              description="Leave empty to use the first sheet with a Question column"
              value={sheet}
              onChange={(e) => setSheet(e.currentTarget.value)}
            />
            {can('presales.manage') && (
              <Radio.Group label="New entries are" value={status} onChange={(v) => setStatus(v as 'draft' | 'approved')}>
                <Group mt={4}>
                  <Radio value="draft" label="Drafts, to approve one by one" />
                  <Radio value="approved" label="Approved (reviewed today)" />
                </Group>
              </Radio.Group>
            )}
          </>
        )}
        {importer.isPending && (
          <Stack gap={4}>
            <Progress value={uploading ? sent * 100 : 100} animated={!uploading} aria-label="Import progress" />
            <Text size="xs" c="dimmed">
              {uploading ? `Uploading… ${Math.round(sent * 100)}%` : 'Reading and checking every row…'}
            </Text>
          </Stack>
        )}
        {importer.isError && (
          <Alert color="red" title="The file was not imported">
            {importer.error instanceof ApiError ? importer.error.message : 'Something went wrong; try again.'}
          </Alert>
        )}
        {report && <ImportReport report={report} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {report ? 'Close' : 'Cancel'}
          </Button>
          {!report && (
            <Button leftSection={<IconUpload size={14} />} onClick={start} disabled={!file} loading={importer.isPending}>
              Import
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function ImportReport({ report }: { report: LibraryImportReport }) {
  const [outcome, setOutcome] = useState<'all' | 'imported' | 'updated' | 'skipped'>(report.skipped ? 'skipped' : 'all');
  const rows = outcome === 'all' ? report.rows : report.rows.filter((r) => r.outcome === outcome);
  return (
    <Stack gap="sm">
      <Alert color={report.skipped ? 'yellow' : 'teal'} title="Import finished">
        {report.imported} imported, {report.updated} updated, {report.skipped} skipped
        {report.sheet ? ` (sheet “${report.sheet}”)` : ''}. Every skipped row is listed with its reason.
      </Alert>
      <Text size="sm" fw={600}>
        Columns read
      </Text>
      <Group gap={6} wrap="wrap" aria-label="Columns read">
        {report.columns.map((c) => (
          <Badge key={c.column} variant={c.field ? 'light' : 'outline'} color={c.field ? 'blue' : 'gray'} tt="none">
            {c.column}: {c.header} → {c.field ? (FIELD_LABELS[c.field] ?? c.field) : 'ignored'}
          </Badge>
        ))}
      </Group>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" fw={600}>
          Rows
        </Text>
        <SegmentedControl
          size="xs"
          aria-label="Which rows"
          value={outcome}
          onChange={(v) => setOutcome(v as typeof outcome)}
          data={[
            { value: 'all', label: `All ${report.rows.length}` },
            { value: 'imported', label: `Imported ${report.imported}` },
            { value: 'updated', label: `Updated ${report.updated}` },
            { value: 'skipped', label: `Skipped ${report.skipped}` },
          ]}
        />
      </Group>
      <ScrollArea.Autosize mah={320} type="auto">
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Import report" striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>Row</Table.Th>
                <Table.Th w={100}>Result</Table.Th>
                <Table.Th>Question · reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, 500).map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={OUTCOME_COLORS[r.outcome]}>
                      {OUTCOME_LABELS[r.outcome]}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm">{r.question ?? '—'}</Text>
                    {r.reason && (
                      <Text size="xs" c={r.outcome === 'skipped' ? 'red.8' : 'dimmed'}>
                        {r.reason}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ScrollArea.Autosize>
      {rows.length > 500 && (
        <Text size="xs" c="dimmed">
          The first 500 of {rows.length} rows are shown.
        </Text>
      )}
    </Stack>
  );
}
