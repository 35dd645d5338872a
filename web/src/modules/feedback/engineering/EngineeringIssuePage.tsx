import { Anchor, Button, Card, Code, Grid, Group, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useEngineeringIssue, useUpdateIssue, type EngineeringIssue, type IssueSeverity, type IssueStatus } from './api';
import { AffectedCard } from './AffectedCard';
import { IssueStatusBadge, SeverityBadge } from './IssueBadges';
import { ISSUE_SEVERITIES, ISSUE_STATUS_LABELS, ISSUE_STATUSES } from './labels';
import { LinkedTicketsCard } from './LinkedTicketsCard';

/** /engineering-issues/:id: reproduction, linked tickets, who is affected, and the tracker link. */
export function EngineeringIssuePage() {
  const { id = '' } = useParams();
  const issue = useEngineeringIssue(id);
  if (issue.isPending) return <Skeleton height={400} />;
  if (issue.isError) return <QueryError error={issue.error} onRetry={() => void issue.refetch()} />;
  const i = issue.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={`${i.key} · ${i.title}`}
        description={
          <Group gap="xs">
            <IssueStatusBadge status={i.status} />
            <SeverityBadge severity={i.severity} />
            {i.fixRelease && <Text size="sm">Fixed in {i.fixRelease}</Text>}
            {i.trackerUrl && (
              <Anchor href={i.trackerUrl} target="_blank" rel="noreferrer" size="sm">
                <Group gap={4}>
                  Open in {i.tracker === 'outpost' ? 'tracker' : i.tracker === 'github' ? 'GitHub' : 'Jira'} <IconExternalLink size={14} />
                </Group>
              </Anchor>
            )}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <ReproductionCard issue={i} />
            <LinkedTicketsCard issue={i} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <StatusCard issue={i} />
            <AffectedCard issue={i} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ReproductionCard({ issue }: { issue: EngineeringIssue }) {
  const r = issue.reproduction;
  const block = (label: string, text: string) => (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={text ? undefined : 'dimmed'}>
        {text || 'Not written down'}
      </Text>
    </div>
  );
  return (
    <Card component="section" aria-label="Reproduction">
      <Title order={5} mb="sm">
        Reproduction
      </Title>
      <Stack gap="sm">
        {block('Steps', r.steps)}
        {block('Expected', r.expected)}
        {block('Actual', r.actual)}
        <div>
          <Text size="sm" fw={600}>
            Environment
          </Text>
          {r.environment ? (
            <Text size="sm">
              <Anchor component={Link} to={`/environments/${r.environment.id}`}>
                {r.environment.account.name} · {r.environment.name}
              </Anchor>{' '}
              — {r.environment.product} {r.productVersion}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              No environment named
            </Text>
          )}
          {Object.keys(r.configuration).length > 0 && (
            <Code block mt="xs" style={{ maxHeight: 220, overflow: 'auto' }}>
              {JSON.stringify(r.configuration, null, 2)}
            </Code>
          )}
        </div>
      </Stack>
    </Card>
  );
}

function StatusCard({ issue }: { issue: EngineeringIssue }) {
  const { can } = useAuth();
  const update = useUpdateIssue(issue.id);
  const [fixRelease, setFixRelease] = useState(issue.fixRelease ?? '');
  const editable = can('feedback.write');
  const save = (input: Parameters<typeof update.mutate>[0], message: string) =>
    update.mutate(input, { onSuccess: () => notifySuccess(message), onError: (e) => notifyError(e, 'The issue was not saved') });
  return (
    <Card component="section" aria-label="Status">
      <Title order={5} mb="sm">
        Status
      </Title>
      <Stack gap="sm">
        <Select
          label="Status"
          data={ISSUE_STATUSES.map((s) => ({ value: s, label: ISSUE_STATUS_LABELS[s] }))}
          value={issue.status}
          allowDeselect={false}
          disabled={!editable || update.isPending}
          onChange={(v) => v && v !== issue.status && save({ status: v as IssueStatus }, 'Status saved.')}
        />
        <Select
          label="Severity"
          data={ISSUE_SEVERITIES}
          value={issue.severity}
          allowDeselect={false}
          disabled={!editable || update.isPending}
          onChange={(v) => v && v !== issue.severity && save({ severity: v as IssueSeverity }, 'Severity saved.')}
        />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label="Fix release"
            placeholder="4.2.0"
            value={fixRelease}
            onChange={(e) => setFixRelease(e.currentTarget.value)}
            disabled={!editable}
            style={{ flex: 1 }}
          />
          <Button
            variant="default"
            disabled={!editable || fixRelease.trim() === (issue.fixRelease ?? '')}
            loading={update.isPending}
            onClick={() => save({ fixRelease: fixRelease.trim() || null }, 'Fix release saved.')}
          >
            Save
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Created {formatDateTime(issue.createdAt)}
          {issue.resolvedAt && ` · resolved ${formatDateTime(issue.resolvedAt)}`}
          {issue.fixAnnouncedAt && ` · tickets told ${formatDateTime(issue.fixAnnouncedAt)}`}
        </Text>
      </Stack>
    </Card>
  );
}
