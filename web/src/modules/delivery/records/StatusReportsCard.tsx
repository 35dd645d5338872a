import { Badge, Button, Card, Group, Skeleton, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconFileReport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate, formatDateTime } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { useEngagement } from '../engagements/api';
import { useStatusReports } from './api';
import { GenerateReportModal } from './GenerateReportModal';
import { OVERALL_COLORS, OVERALL_LABELS } from './labels';
import { StatusReportDrawer } from './StatusReportDrawer';

/** The engagement's status reports: drafts and sent ones, generated for a period, edited, e-mailed. */
export function StatusReportsCard({ engagementId }: { engagementId: string }) {
  const { can } = useAuth();
  const engagement = useEngagement(engagementId);
  const reports = useStatusReports(engagementId);
  const [generating, setGenerating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <Card component="section" aria-label="Status reports">
      <Group justify="space-between" mb="md">
        <Title order={4}>Status reports</Title>
        {can('delivery.write') && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setGenerating(true)}>
            Generate report
          </Button>
        )}
      </Group>
      {reports.isPending && <Skeleton height={100} />}
      {reports.isError && <QueryError error={reports.error} onRetry={() => void reports.refetch()} />}
      {reports.isSuccess && reports.data.length === 0 && (
        <EmptyState
          icon={<IconFileReport size={18} />}
          title="No status reports yet"
          description="Generate one for a period: the draft is written from the plan, the hours and the milestones."
        />
      )}
      {reports.isSuccess && reports.data.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Report</Table.Th>
                <Table.Th>Overall</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.data.map((report) => (
                <Table.Tr key={report.id}>
                  <Table.Td>
                    <UnstyledButton onClick={() => setOpenId(report.id)} aria-label={`Open ${report.title}`}>
                      <Text size="sm" fw={500} c="blue">
                        {report.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(report.periodStart)} – {formatDate(report.periodEnd)}
                      </Text>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={OVERALL_COLORS[report.overallStatus]}>
                      {OVERALL_LABELS[report.overallStatus]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {report.status === 'sent' ? (
                      <>
                        <Badge size="sm" color="teal" variant="light">
                          Sent
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {formatDateTime(report.sentAt)} · {report.recipientCount} recipient{report.recipientCount === 1 ? '' : 's'}
                        </Text>
                      </>
                    ) : (
                      <Badge size="sm" color="gray" variant="light">
                        Draft
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <GenerateReportModal
        engagementId={engagementId}
        opened={generating}
        onClose={() => setGenerating(false)}
        onGenerated={(report) => setOpenId(report.id)}
      />
      {engagement.isSuccess && (
        <StatusReportDrawer
          engagementId={engagementId}
          accountId={engagement.data.account.id}
          reportId={openId}
          onClose={() => setOpenId(null)}
        />
      )}
    </Card>
  );
}
