import {
  Alert,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  MultiSelect,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconInfoCircle, IconMail, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { formatDate, formatDateTime } from '../../../ui/format';
import { Markdown } from '../../../ui/markdown';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import {
  REPORT_SECTIONS,
  useDeleteReport,
  useSendReport,
  useStatusReport,
  useUpdateReport,
  type OverallStatus,
  type ReportSections,
  type StatusReport,
} from './api';
import { OVERALL_COLORS, OVERALL_LABELS, SECTION_LABELS } from './labels';

interface Props {
  engagementId: string;
  accountId: string;
  reportId: string | null;
  onClose: () => void;
}

/** One report: its sections to edit while a draft, then the send form and who received it. */
export function StatusReportDrawer({ engagementId, accountId, reportId, onClose }: Props) {
  const report = useStatusReport(reportId);
  return (
    <Drawer opened={!!reportId} onClose={onClose} position="right" size="xl" title={<Title order={4}>Status report</Title>}>
      {report.isPending && <Skeleton height={400} />}
      {report.isError && <QueryError error={report.error} onRetry={() => void report.refetch()} />}
      {report.isSuccess && (
        <ReportBody
          key={`${report.data.id}:${report.data.updatedAt}`}
          engagementId={engagementId}
          accountId={accountId}
          report={report.data}
          onClose={onClose}
        />
      )}
    </Drawer>
  );
}

function ReportBody({
  engagementId,
  accountId,
  report,
  onClose,
}: {
  engagementId: string;
  accountId: string;
  report: StatusReport;
  onClose: () => void;
}) {
  const { can } = useAuth();
  const editable = can('delivery.write') && report.status === 'draft';
  const update = useUpdateReport(engagementId, report.id);
  const remove = useDeleteReport(engagementId);
  const [title, setTitle] = useState(report.title);
  const [overall, setOverall] = useState<OverallStatus>(report.overallStatus);
  const [sections, setSections] = useState<ReportSections>(report.sections);
  const dirty =
    title !== report.title || overall !== report.overallStatus || REPORT_SECTIONS.some((s) => sections[s] !== report.sections[s]);

  const save = () =>
    update.mutate(
      { title: title.trim(), overallStatus: overall, sections },
      { onSuccess: () => notifySuccess('Report saved.'), onError: (e) => notifyError(e) },
    );

  return (
    <Stack>
      <Group gap="xs">
        <Badge color={report.status === 'sent' ? 'teal' : 'gray'} variant="light">
          {report.status === 'sent' ? 'Sent' : 'Draft'}
        </Badge>
        <Text size="sm" c="dimmed">
          {formatDate(report.periodStart)} – {formatDate(report.periodEnd)}
          {report.createdBy ? ` · by ${report.createdBy.name}` : ''}
        </Text>
      </Group>
      {editable ? (
        <>
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <Select
            label="Overall status"
            allowDeselect={false}
            data={(Object.keys(OVERALL_LABELS) as OverallStatus[]).map((s) => ({ value: s, label: OVERALL_LABELS[s] }))}
            value={overall}
            onChange={(v) => v && setOverall(v as OverallStatus)}
            description={`The data suggested “${OVERALL_LABELS[report.suggestedStatus]}”.`}
          />
          {REPORT_SECTIONS.map((section) => (
            <Textarea
              key={section}
              label={SECTION_LABELS[section]}
              autosize
              minRows={2}
              maxRows={14}
              value={sections[section]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setSections((current) => ({ ...current, [section]: value }));
              }}
            />
          ))}
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={() =>
                remove.mutate(report.id, {
                  onSuccess: () => {
                    notifySuccess('Draft deleted.');
                    onClose();
                  },
                  onError: (e) => notifyError(e),
                })
              }
            >
              Delete draft
            </Button>
            <Button onClick={save} disabled={!dirty || !title.trim()} loading={update.isPending}>
              Save draft
            </Button>
          </Group>
        </>
      ) : (
        <Stack component="section" gap="sm" aria-label="Report">
          <Title order={3}>{report.title}</Title>
          <Group gap="xs">
            <Text size="sm">Overall:</Text>
            <Badge color={OVERALL_COLORS[report.overallStatus]}>{OVERALL_LABELS[report.overallStatus]}</Badge>
          </Group>
          {REPORT_SECTIONS.filter((s) => report.sections[s].trim()).map((section) => (
            <Stack key={section} gap={4}>
              <Title order={5}>{SECTION_LABELS[section]}</Title>
              <Markdown source={report.sections[section]} />
            </Stack>
          ))}
        </Stack>
      )}
      <Divider label="Send" labelPosition="left" />
      {can('delivery.write') &&
        (dirty ? (
          <Alert icon={<IconInfoCircle size={16} />} color="yellow">
            Save the draft before sending it.
          </Alert>
        ) : (
          <SendForm engagementId={engagementId} accountId={accountId} report={report} />
        ))}
      {report.recipients.length > 0 && (
        <Table aria-label="Recipients">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Recipient</Table.Th>
              <Table.Th>Sent at</Table.Th>
              <Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.recipients.map((r) => (
              <Table.Tr key={`${r.contact.id}:${r.sentAt}`}>
                <Table.Td>
                  <Text size="sm">{r.contact.name}</Text>
                  <Text size="xs" c="dimmed">
                    {r.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(r.sentAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.sentBy?.name ?? '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function SendForm({ engagementId, accountId, report }: { engagementId: string; accountId: string; report: StatusReport }) {
  const contacts = useContacts(accountId);
  const send = useSendReport(engagementId, report.id);
  const [contactIds, setContactIds] = useState<string[]>([]);
  const already = new Set(report.recipients.map((r) => r.contact.id));
  const options = (contacts.data ?? []).map((c) => ({ value: c.id, label: `${c.name} <${c.email}>${already.has(c.id) ? ' (sent)' : ''}` }));
  return (
    <Group align="flex-end" wrap="nowrap">
      <MultiSelect
        label="Recipients"
        placeholder={options.length ? 'Contacts at the account' : 'The account has no contacts'}
        searchable
        data={options}
        value={contactIds}
        onChange={setContactIds}
        style={{ flex: 1 }}
      />
      <Button
        leftSection={<IconMail size={14} />}
        disabled={contactIds.length === 0}
        loading={send.isPending}
        onClick={() =>
          send.mutate(contactIds, {
            onSuccess: () => {
              notifySuccess(`Report sent to ${contactIds.length} contact${contactIds.length === 1 ? '' : 's'}.`);
              setContactIds([]);
            },
            onError: (e) => notifyError(e),
          })
        }
      >
        {report.status === 'sent' ? 'Send again' : 'Send'}
      </Button>
    </Group>
  );
}
