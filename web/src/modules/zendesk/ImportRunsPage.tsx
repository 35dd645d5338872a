import { useState } from 'react';
import { Badge, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { SkeletonRows } from '../../ui/SkeletonRows';
import { formatDateTime } from '../../ui/format';
import { useImportRun, useImportRuns, type ImportRun } from './api';

/** The kinds a Zendesk import reports, in the order it brings them in. */
const KINDS: [string, string][] = [
  ['organization', 'Organizations → accounts'],
  ['group', 'Groups'],
  ['user', 'Users → members and contacts'],
  ['ticket_field', 'Ticket fields'],
  ['macro', 'Macros'],
  ['ticket', 'Tickets'],
  ['comment', 'Comments'],
  ['attachment', 'Attachments'],
  ['satisfaction_rating', 'Satisfaction ratings'],
];

const STATUS_COLORS: Record<ImportRun['status'], string> = { running: 'blue', finished: 'green', failed: 'red' };
const STATUS_LABELS: Record<ImportRun['status'], string> = { running: 'Running or stopped', finished: 'Finished', failed: 'Failed' };

/** /admin/imports: each run of `outpost import zendesk`, what it brought in and every row it skipped, with the reason. */
export function ImportRunsPage() {
  const runs = useImportRuns();
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen ?? runs.data?.[0]?.id ?? null;
  return (
    <>
      <PageHeader
        title="Imports"
        description={
          <>
            Runs of <Code>outpost import zendesk</Code>. A stopped run resumes when the command runs again; running it once more changes
            nothing.
          </>
        }
      />
      <Stack gap="lg">
        <Card p={0} component="section" aria-label="Import runs">
          {runs.isError ? (
            <Stack p="md">
              <QueryError error={runs.error} onRetry={() => void runs.refetch()} />
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={320}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Source</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th visibleFrom="sm">Started</Table.Th>
                    <Table.Th>Tickets</Table.Th>
                    <Table.Th visibleFrom="sm">Skipped</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {runs.isPending && <SkeletonRows columns={5} rows={2} />}
                  {runs.data?.map((run) => (
                    <Table.Tr
                      key={run.id}
                      onClick={() => setChosen(run.id)}
                      style={{ cursor: 'pointer' }}
                      bg={run.id === selected ? 'var(--mantine-color-blue-light)' : undefined}
                      aria-selected={run.id === selected}
                    >
                      <Table.Td style={{ wordBreak: 'break-all' }}>{run.source}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLORS[run.status]} variant="light">
                          {STATUS_LABELS[run.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{formatDateTime(run.startedAt)}</Table.Td>
                      <Table.Td>{(run.counts.ticket?.imported ?? 0).toLocaleString('en-US')}</Table.Td>
                      <Table.Td visibleFrom="sm">{run.skipCount.toLocaleString('en-US')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {runs.data?.length === 0 && (
            <EmptyState
              icon={<IconFileImport size={18} />}
              title="No imports yet"
              description="Run `outpost import zendesk <export folder>` on the server, or with --url, --email and --token to pull from Zendesk."
            />
          )}
        </Card>
        {selected && <RunDetail id={selected} />}
      </Stack>
    </>
  );
}

function RunDetail({ id }: { id: string }) {
  const run = useImportRun(id);
  if (run.isError) return <QueryError error={run.error} onRetry={() => void run.refetch()} />;
  if (!run.data) return null;
  const { counts, skips, skipCount } = run.data;
  return (
    <Stack gap="lg">
      <Card component="section" aria-label="What the run brought in">
        <Title order={4} mb="sm">
          What the run brought in
        </Title>
        <Table.ScrollContainer minWidth={300}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th ta="right">Imported</Table.Th>
                <Table.Th ta="right">Unchanged</Table.Th>
                <Table.Th ta="right">Skipped</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {KINDS.filter(([kind]) => counts[kind]).map(([kind, label]) => (
                <Table.Tr key={kind}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td ta="right">{counts[kind]!.imported.toLocaleString('en-US')}</Table.Td>
                  <Table.Td ta="right">{counts[kind]!.unchanged.toLocaleString('en-US')}</Table.Td>
                  <Table.Td ta="right">{counts[kind]!.skipped.toLocaleString('en-US')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card component="section" aria-label="Skipped rows">
        <Group justify="space-between" mb="sm">
          <Title order={4}>Skipped rows</Title>
          <Text size="sm" c="dimmed">
            {skipCount > skips.length ? `The first ${skips.length} of ${skipCount}` : `${skipCount}`}
          </Text>
        </Group>
        {skips.length === 0 ? (
          <Text c="dimmed">Nothing was skipped.</Text>
        ) : (
          <Table.ScrollContainer minWidth={300}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th visibleFrom="sm">Zendesk id</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {skips.map((s, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{s.kind.replace(/_/g, ' ')}</Table.Td>
                    <Table.Td visibleFrom="sm">{s.externalId ?? '—'}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>{s.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
