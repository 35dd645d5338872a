import { Alert, Button, FileInput, Group, Modal, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../../../lib/auth';
import { ApiError } from '../../../lib/api-client';
import { useImportUsage, type UsageImportResult } from './api';

/**
 * Historical usage from a CSV file or an Excel workbook: the upload's progress, then what was accepted, what was
 * already there, and every row the server refused with its reason, by the row number the
 * spreadsheet shows.
 */
export function ImportUsageModal({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  const session = useSession();
  const importer = useImportUsage(accountId);
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const [result, setResult] = useState<UsageImportResult | null>(null);

  const close = () => {
    setFile(null);
    setSent(0);
    setResult(null);
    importer.reset();
    onClose();
  };

  const start = () => {
    if (!file) return;
    setResult(null);
    setSent(0);
    importer.mutate({ file, csrfToken: session.csrfToken ?? '', onProgress: setSent }, { onSuccess: setResult });
  };

  const uploading = importer.isPending && sent < 1;
  const problems = result?.results ?? [];

  return (
    <Modal opened={opened} onClose={close} title="Import usage" centered size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          A CSV file or an Excel workbook (first sheet) with a header row: eventId, account (id, external id or e-mail domain), feature,
          userId, activeUsers, quantity, timestamp (ISO 8601 with offset). Rows already imported count once.
        </Text>
        <FileInput
          label="Usage file"
          placeholder="usage.csv"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
        />
        {importer.isPending && (
          <Stack gap={4}>
            <Progress value={uploading ? sent * 100 : 100} animated={!uploading} aria-label="Import progress" />
            <Text size="xs" c="dimmed">
              {uploading ? `Uploading… ${Math.round(sent * 100)}%` : 'Checking and storing the rows…'}
            </Text>
          </Stack>
        )}
        {importer.isError && (
          <Alert color="red" title="The file was not imported">
            {importer.error instanceof ApiError ? importer.error.message : 'Something went wrong; try again.'}
          </Alert>
        )}
        {result && (
          <Alert color={result.rejected ? 'yellow' : 'teal'} title="Import finished">
            {result.rows} rows: {result.accepted} accepted, {result.duplicates} already imported, {result.rejected} refused.
          </Alert>
        )}
        {problems.length > 0 && (
          <ScrollArea.Autosize mah={280}>
            <Table striped withTableBorder aria-label="Rows not imported">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>Event id</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((r) => (
                  <Table.Tr key={r.index}>
                    <Table.Td>{r.index}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.eventId ?? '—'}</Table.Td>
                    <Table.Td>{r.error?.message ?? (r.status === 'duplicate' ? 'Already imported' : r.status)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {result ? 'Close' : 'Cancel'}
          </Button>
          <Button leftSection={<IconUpload size={14} />} onClick={start} disabled={!file} loading={importer.isPending}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
