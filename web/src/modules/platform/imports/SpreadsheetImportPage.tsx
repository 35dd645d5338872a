import { useState } from 'react';
import { Alert, Anchor, Button, Card, FileInput, Group, Radio, Stack, Stepper, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { ForbiddenPage } from '../../../ui/ForbiddenPage';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { PageHeader } from '../../../ui/PageHeader';
import {
  useImportSpreadsheet,
  usePreviewSpreadsheet,
  type ImportMapping,
  type ImportMode,
  type ImportPreview,
  type ImportResult,
} from './api';
import { IMPORT_KIND_INFO, isImportKind, type ImportKindName } from './import-kinds';
import { ImportResultView } from './ImportResultView';
import { MappingForm } from './MappingForm';
import { PreviewTable } from './PreviewTable';

/**
 * "Import accounts / contacts / tickets" from a CSV or XLSX file (issue 18): choose the file, map
 * its columns (suggested by header name), see every row checked with the create form's rules,
 * then import the valid rows in one go, or nothing when any row is bad ("all or nothing"). The
 * rows not imported can be downloaded as a report. Nothing is written before "Import".
 */
export function SpreadsheetImportPage() {
  const { kind } = useParams();
  const { can } = useAuth();
  if (!isImportKind(kind)) return <NotFoundPage />;
  if (!can(IMPORT_KIND_INFO[kind].permission)) return <ForbiddenPage />;
  return <ImportFlow key={kind} kind={kind} />;
}

function ImportFlow({ kind }: { kind: ImportKindName }) {
  const info = IMPORT_KIND_INFO[kind];
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [mode, setMode] = useState<ImportMode>('valid_rows');
  const reader = usePreviewSpreadsheet(kind);
  const importer = useImportSpreadsheet(kind);
  const step = result ? 2 : preview ? 1 : 0;
  const mapping: ImportMapping | null = preview ? { sheet: preview.sheet, columns: preview.mapping } : null;

  const read = (next?: ImportMapping) => file && reader.mutate({ file, mapping: next }, { onSuccess: setPreview });
  const startOver = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    reader.reset();
    importer.reset();
  };
  const writable = preview ? preview.counts.create + preview.counts.update : 0;
  const blocked = mode === 'all_or_nothing' && (preview?.counts.invalid ?? 0) > 0;

  return (
    <>
      <PageHeader
        title={info.title}
        description={
          <>
            From a CSV or Excel (.xlsx) file, up to 10 MB and 5,000 rows. {info.policy}{' '}
            <Anchor component={Link} to={info.listPath} size="sm">
              {info.listLabel}
            </Anchor>
          </>
        }
      />
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="File" description="CSV or XLSX">
          <Card maw={640}>
            <Stack>
              <FileInput
                label="Spreadsheet"
                description="The first row holds the column names"
                placeholder="Choose a file"
                accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                leftSection={<IconFileSpreadsheet size={16} />}
                value={file}
                onChange={setFile}
                clearable
              />
              {reader.isError && (
                <Alert color="red" title="The file cannot be read">
                  {reader.error.message}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button disabled={!file} loading={reader.isPending} onClick={() => read()}>
                  Read the file
                </Button>
              </Group>
            </Stack>
          </Card>
        </Stepper.Step>
        <Stepper.Step label="Columns and preview" description="Every row checked">
          {preview && mapping && (
            <Stack>
              <MappingForm preview={preview} checking={reader.isPending} onChange={(next) => read(next)} />
              {reader.isError && (
                <Alert color="red" title="This mapping cannot be used">
                  {reader.error.message}
                </Alert>
              )}
              <PreviewTable preview={preview} />
              <Card>
                <Stack gap="sm">
                  <Radio.Group label="When some rows have problems" value={mode} onChange={(v) => setMode(v as ImportMode)}>
                    <Stack gap={6} mt={6}>
                      <Radio value="valid_rows" label="Import the valid rows; download a report of the others" />
                      <Radio value="all_or_nothing" label="All or nothing: import only if every row is valid" />
                    </Stack>
                  </Radio.Group>
                  {blocked && (
                    <Text size="sm" c="red">
                      {preview.counts.invalid} {preview.counts.invalid === 1 ? 'row has' : 'rows have'} problems: fix the file, or choose to
                      import the valid rows.
                    </Text>
                  )}
                  {importer.isError && (
                    <Alert color="red" title="Nothing was imported">
                      {importer.error.message}
                    </Alert>
                  )}
                  <Group justify="space-between">
                    <Button variant="default" onClick={startOver}>
                      Choose another file
                    </Button>
                    <Button
                      disabled={writable === 0 || blocked || reader.isPending}
                      loading={importer.isPending}
                      onClick={() => file && importer.mutate({ file, mapping, mode }, { onSuccess: setResult })}
                    >
                      Import {writable} {writable === 1 ? 'row' : 'rows'}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label="Report" description="What was imported">
          {result && <ImportResultView kind={kind} result={result} fileName={file?.name ?? 'import'} onAgain={startOver} />}
        </Stepper.Step>
      </Stepper>
    </>
  );
}
