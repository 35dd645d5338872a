import { Anchor, Card, Group, Select, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconBug, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../ui/EmptyState';
import { fromNow } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { useDebouncedSearch } from '../../../ui/use-debounced-search';
import { useEngineeringIssues, type IssueFilters } from './api';
import { IssueStatusBadge, SeverityBadge } from './IssueBadges';
import { ISSUE_SEVERITIES, ISSUE_STATUS_LABELS, ISSUE_STATUSES } from './labels';

/** /engineering-issues: every bug escalated to engineering, most recently changed first. */
export function EngineeringIssuesPage() {
  const [status, setStatus] = useState<IssueFilters['status'] | null>(null);
  const [severity, setSeverity] = useState<IssueFilters['severity'] | null>(null);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const search = useDebouncedSearch(setQ);
  const issues = useEngineeringIssues({ status: status ?? undefined, severity: severity ?? undefined, q: q || undefined });
  const items = issues.data?.items ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title="Engineering issues"
        description="Bugs escalated to engineering, with the tickets they hurt and the release that fixes them."
      />
      <Group gap="sm" wrap="wrap">
        <TextInput
          aria-label="Search issues"
          placeholder="Key or title"
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            search(e.currentTarget.value.trim());
          }}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          aria-label="Status"
          placeholder="Any status"
          clearable
          data={ISSUE_STATUSES.map((s) => ({ value: s, label: ISSUE_STATUS_LABELS[s] }))}
          value={status}
          onChange={setStatus}
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          aria-label="Severity"
          placeholder="Any severity"
          clearable
          data={ISSUE_SEVERITIES}
          value={severity}
          onChange={setSeverity}
          w={{ base: '100%', sm: 180 }}
        />
      </Group>
      {issues.isError && <QueryError error={issues.error} onRetry={() => void issues.refetch()} />}
      {issues.isPending && <Skeleton height={200} />}
      {issues.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconBug size={18} />}
          title="No engineering issues"
          description="Escalate a ticket to engineering to create one."
        />
      )}
      {items.length > 0 && (
        <Card p={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Issue</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Severity</Table.Th>
                  <Table.Th>Fix release</Table.Th>
                  <Table.Th>Tickets</Table.Th>
                  <Table.Th>Changed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/engineering-issues/${i.id}`} fw={600} size="sm">
                        {i.key}
                      </Anchor>
                      <Text size="sm">{i.title}</Text>
                    </Table.Td>
                    <Table.Td>
                      <IssueStatusBadge status={i.status} />
                    </Table.Td>
                    <Table.Td>
                      <SeverityBadge severity={i.severity} />
                    </Table.Td>
                    <Table.Td>{i.fixRelease ?? '—'}</Table.Td>
                    <Table.Td>{i.ticketCount}</Table.Td>
                    <Table.Td>{fromNow(i.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
