import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  NumberInput,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import {
  IMPORT_FIELDS,
  PRIORITY_LABELS,
  REQUIREMENT_PRIORITIES,
  useImportRequirements,
  usePreviewImport,
  type ImportMapping,
  type ImportPreview,
  type ImportReport,
  type RequirementPriority,
} from './api';

type Field = (typeof IMPORT_FIELDS)[number];

const FIELD_LABELS: Record<Field, string> = {
  reference: 'Reference',
  text: 'Requirement text',
  section: 'Section',
  priority: 'Priority',
  fit: 'Fit',
  notes: 'Notes',
};
const FIELD_HINTS: Partial<Record<Field, string>> = {
  priority: 'Must / Should / Could, M / S / C, Mandatory, Nice to have…',
  fit: 'Native, Configuration, Customisation, Gap, Roadmap (or Yes / No / Partial)…',
};
const REASON_LABELS: Record<string, string> = {
  empty_row: 'Empty row',
  missing_text: 'No text',
  duplicate_reference: 'Already on the deal',
  duplicate_in_file: 'Repeated in the file',
  merged_continuation: 'Merged cell',
  section_heading: 'Section heading',
  text_too_long: 'Too long',
  reference_too_long: 'Reference too long',
  formula_without_value: 'Formula without value',
};

/**
 * "Import requirements": the customer's spreadsheet (XLSX or CSV), then the column mapping (sheet,
 * header row, which column holds what, with the first rows shown), then the report of every row
 * skipped and why. Nothing is written before "Import".
 */
export function ImportRequirementsModal({
  opened,
  onClose,
  opportunityId,
}: {
  opened: boolean;
  onClose: () => void;
  opportunityId: string;
}) {
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title="Import requirements" size="min(1100px, 96vw)" fullScreen={phone} centered>
      {opened && <ImportFlow opportunityId={opportunityId} onClose={onClose} />}
    </Modal>
  );
}

function ImportFlow({ opportunityId, onClose }: { opportunityId: string; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const reader = usePreviewImport(opportunityId);
  const importer = useImportRequirements(opportunityId);
  const step = report ? 2 : preview ? 1 : 0;

  return (
    <Stepper active={step} size="sm" allowNextStepsSelect={false}>
      <Stepper.Step label="File" description="XLSX or CSV">
        <Stack>
          <FileInput
            label="Spreadsheet"
            description="The customer’s requirements list: an .xlsx workbook or a .csv file, up to 10 MB and 10,000 rows"
            placeholder="Choose a file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            leftSection={<IconFileSpreadsheet size={16} />}
            value={file}
            onChange={setFile}
            clearable
          />
          {reader.isError && (
            <Alert color="red" title="The file cannot be read">
              {reader.error instanceof Error ? reader.error.message : 'Try another file.'}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button disabled={!file} loading={reader.isPending} onClick={() => file && reader.mutate(file, { onSuccess: setPreview })}>
              Read the file
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>
      <Stepper.Step label="Columns" description="Map the columns">
        {preview && file && (
          <MappingStep
            key={file.name}
            preview={preview}
            importing={importer.isPending}
            error={importer.error}
            onBack={() => {
              setPreview(null);
              importer.reset();
            }}
            onImport={(mapping) => importer.mutate({ file, mapping }, { onSuccess: setReport })}
          />
        )}
      </Stepper.Step>
      <Stepper.Step label="Report" description="What was imported">
        {report && (
          <Stack>
            <ImportReportView report={report} />
            <Group justify="flex-end">
              <Button onClick={onClose}>Done</Button>
            </Group>
          </Stack>
        )}
      </Stepper.Step>
    </Stepper>
  );
}

function MappingStep({
  preview,
  importing,
  error,
  onBack,
  onImport,
}: {
  preview: ImportPreview;
  importing: boolean;
  error: Error | null;
  onBack: () => void;
  onImport: (mapping: ImportMapping) => void;
}) {
  const firstWithData = preview.sheets.find((s) => s.dataRows > 0) ?? preview.sheets[0];
  const [sheetName, setSheetName] = useState(firstWithData?.name ?? '');
  const sheet = preview.sheets.find((s) => s.name === sheetName) ?? firstWithData;
  const [headerRow, setHeaderRow] = useState<number>(sheet?.headerRow ?? 1);
  const [columns, setColumns] = useState<Partial<Record<Field, number>>>(sheet?.suggestedMapping ?? {});
  const [defaultPriority, setDefaultPriority] = useState<RequirementPriority>('should');
  if (!sheet) return <Alert color="yellow">The file has no sheets.</Alert>;

  const pickSheet = (name: string) => {
    const next = preview.sheets.find((s) => s.name === name);
    if (!next) return;
    setSheetName(name);
    setHeaderRow(next.headerRow);
    setColumns(next.suggestedMapping);
  };
  const columnOptions = sheet.columns.map((c) => ({ value: String(c.column), label: `${c.letter} · ${c.header}` }));
  const mappedTo = new Map(Object.entries(columns).map(([field, column]) => [column, field as Field]));
  const submit = () =>
    columns.text &&
    onImport({
      ...(preview.format === 'xlsx' ? { sheet: sheet.name } : {}),
      headerRow,
      columns: { ...columns, text: columns.text },
      defaultPriority,
    });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {preview.format === 'xlsx' && (
          <Select
            label="Sheet"
            data={preview.sheets.map((s) => ({
              value: s.name,
              label: s.dataRows ? `${s.name} (${s.dataRows} rows)` : `${s.name} (no data)`,
            }))}
            value={sheet.name}
            onChange={(v) => v && pickSheet(v)}
            allowDeselect={false}
          />
        )}
        <NumberInput
          label="Header row"
          description="0 when the sheet has none"
          min={0}
          value={headerRow}
          onChange={(v) => setHeaderRow(typeof v === 'number' ? v : Number(v) || 0)}
        />
        <Select
          label="Priority when the row gives none"
          data={REQUIREMENT_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
          value={defaultPriority}
          onChange={(v) => v && setDefaultPriority(v as RequirementPriority)}
          allowDeselect={false}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        {IMPORT_FIELDS.map((field) => (
          <Select
            key={field}
            label={FIELD_LABELS[field]}
            description={FIELD_HINTS[field]}
            required={field === 'text'}
            placeholder={field === 'text' ? 'Pick the column' : 'Not in the file'}
            data={columnOptions}
            value={columns[field] ? String(columns[field]) : null}
            onChange={(v) => setColumns((c) => ({ ...c, [field]: v ? Number(v) : undefined }))}
            clearable={field !== 'text'}
            searchable
          />
        ))}
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          First rows of “{sheet.name}”{sheet.dataRows ? `, ${sheet.dataRows} rows with data` : ''}
        </Text>
        {sheet.preview.length === 0 ? (
          <Alert color="yellow">This sheet has no rows below the header row: pick the sheet that holds the requirements.</Alert>
        ) : (
          <Table.ScrollContainer minWidth={Math.max(480, sheet.columns.length * 140)} type="native">
            <Table striped withTableBorder fz="xs" aria-label="Preview of the sheet">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  {sheet.columns.map((c) => (
                    <Table.Th key={c.column} bg={mappedTo.has(c.column) ? 'var(--mantine-color-blue-light)' : undefined}>
                      {c.letter} · {c.header}
                      {mappedTo.has(c.column) && (
                        <Badge size="xs" ml={4} variant="light">
                          {FIELD_LABELS[mappedTo.get(c.column)!]}
                        </Badge>
                      )}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sheet.preview.map((row) => (
                  <Table.Tr key={row.row}>
                    <Table.Td c="dimmed">{row.row}</Table.Td>
                    {row.cells.map((cell, i) => (
                      <Table.Td key={i} style={{ maxWidth: 260, overflowWrap: 'anywhere' }}>
                        {cell.length > 120 ? `${cell.slice(0, 120)}…` : cell}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {error && (
        <Alert color="red" title="Nothing was imported">
          {error.message}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Another file
        </Button>
        <Button onClick={submit} disabled={!columns.text} loading={importing}>
          Import
        </Button>
      </Group>
    </Stack>
  );
}

/** Counts, then every row that was skipped (and every row imported with a caveat), by row number. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <Stack gap="sm">
      <Alert color={report.imported ? 'teal' : 'yellow'} title={`${report.imported} requirements imported`}>
        {report.skipped} of {report.rowsRead} rows skipped
        {report.sheet ? ` from “${report.sheet}”` : ''}
        {report.gapsCaptured ? `; ${report.gapsCaptured} gaps captured in the feedback insights inbox` : ''}.
      </Alert>
      {report.rows.length > 0 && (
        <ScrollArea.Autosize mah={360} type="auto">
          <Table fz="sm" aria-label="Import report">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={r.outcome === 'skipped' ? 'orange' : 'teal'}>
                      {r.outcome === 'skipped' ? (REASON_LABELS[r.reason ?? ''] ?? 'Skipped') : 'Imported'}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {r.reference && <Text span fw={600} size="sm">{`${r.reference}: `}</Text>}
                    {r.message}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
