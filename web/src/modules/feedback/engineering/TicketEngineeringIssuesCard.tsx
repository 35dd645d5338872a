import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { useTicketEngineeringIssues } from './api';
import { DraftedReply } from './DraftedReply';
import { IssueStatusBadge } from './IssueBadges';

/** On the ticket page: the engineering issues the ticket is linked to, and any fix reply drafted for it. */
export function TicketEngineeringIssuesCard({ ticketId }: { ticketId: string }) {
  const { can } = useAuth();
  const issues = useTicketEngineeringIssues(ticketId);
  if (!can('feedback.read') || !issues.data?.length) return null;
  return (
    <Card component="section" aria-label="Engineering issues">
      <Title order={5} mb="sm">
        Engineering issues
      </Title>
      <Stack gap="md">
        {issues.data.map((issue) => {
          const draft = issue.tickets.find((t) => t.id === ticketId)?.draftedReply;
          return (
            <Stack key={issue.id} gap={6}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/engineering-issues/${issue.id}`} size="sm" fw={600}>
                  {issue.key}
                </Anchor>
                <IssueStatusBadge status={issue.status} />
              </Group>
              <Text size="sm">{issue.title}</Text>
              <Text size="xs" c="dimmed">
                {issue.fixRelease ? `Fix release ${issue.fixRelease}` : 'No fix release yet'}
                {issue.reproduction.environment &&
                  ` · ${issue.reproduction.environment.name} (${issue.reproduction.environment.product} ${issue.reproduction.productVersion ?? ''})`}
              </Text>
              {draft && <DraftedReply issueId={issue.id} ticketId={ticketId} text={draft} />}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
