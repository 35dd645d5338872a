import { Alert, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { ImportResult } from './api';
import { downloadReport } from './import-report';
import { IMPORT_KIND_INFO, type ImportKindName } from './import-kinds';

/** What the import wrote, and the rows it did not with their reasons (downloadable as CSV). */
export function ImportResultView({
  kind,
  result,
  fileName,
  onAgain,
}: {
  kind: ImportKindName;
  result: ImportResult;
  fileName: string;
  onAgain: () => void;
}) {
  const info = IMPORT_KIND_INFO[kind];
  const { counts } = result;
  return (
    <Stack>
      {result.written ? (
        <Alert color="teal" title="Imported">
          {counts.created} new and {counts.updated} updated {info.noun}, in one go.
          {counts.rejected > 0 && ` ${counts.rejected} ${counts.rejected === 1 ? 'row was' : 'rows were'} not imported.`}
        </Alert>
      ) : (
        <Alert color="red" title="Nothing was imported">
          {counts.rejected} {counts.rejected === 1 ? 'row has' : 'rows have'} problems
          {result.mode === 'all_or_nothing' ? ', and this import was all or nothing.' : '.'}
        </Alert>
      )}
      {result.rejected.length > 0 && (
        <Card p={0}>
          <Group justify="space-between" p="md" pb="xs">
            <Text fw={600} size="sm">
              Rows not imported
            </Text>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} />}
              onClick={() => downloadReport(`${fileName.replace(/\.[^.]*$/, '')}-not-imported.csv`, result.rejected)}
            >
              Download the report (CSV)
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={420}>
            <Table aria-label="Rows not imported" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={64} pl="md">
                    Row
                  </Table.Th>
                  <Table.Th>Column</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rejected.slice(0, 200).map((r, n) => (
                  <Table.Tr key={n}>
                    <Table.Td pl="md">{r.row}</Table.Td>
                    <Table.Td>{r.column ?? 'Whole row'}</Table.Td>
                    <Table.Td>{r.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onAgain}>
          Import another file
        </Button>
        <Button component={Link} to={info.listPath}>
          {info.listLabel}
        </Button>
      </Group>
    </Stack>
  );
}
