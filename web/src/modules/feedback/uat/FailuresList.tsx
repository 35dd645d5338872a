import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { formatDateTime } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useFailureToIssue, type UatFailure } from './api';
import { SEVERITIES } from './labels';

/** Standing failures, each one click from an engineering issue with the reproduction filled in. */
export function FailuresList({ failures }: { failures: UatFailure[] }) {
  if (failures.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label="Failures">
      <Title order={5}>Failures</Title>
      {failures.map((f) => (
        <FailureItem key={f.resultId} failure={f} />
      ))}
    </Stack>
  );
}

function FailureItem({ failure }: { failure: UatFailure }) {
  const { can } = useAuth();
  const toIssue = useFailureToIssue();
  const [severity, setSeverity] = useState<string | null>('medium');
  const create = () =>
    toIssue.mutate(
      { resultId: failure.resultId, severity: (severity ?? 'medium') as 'medium' },
      {
        onSuccess: ({ issue }) => notifySuccess(`${issue.key} created and linked to this request.`),
        onError: (e) => notifyError(e, 'The engineering issue was not created'),
      },
    );
  return (
    <Card withBorder padding="sm" role="article" aria-label={`Failure: ${failure.case.name} — ${failure.contact.name}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={600}>
              {failure.case.position}. {failure.case.name}
            </Text>
            <Text size="xs" c="dimmed">
              {failure.contact.name} · {formatDateTime(failure.recordedAt)}
            </Text>
          </Stack>
          {failure.engineeringIssue ? (
            <Badge variant="light" color="grape" leftSection={<IconBug size={12} />} tt="none">
              {failure.engineeringIssue.key} · {failure.engineeringIssue.status.replace('_', ' ')}
            </Badge>
          ) : (
            can('feedback.write') && (
              <Group gap="xs" wrap="nowrap">
                <Select
                  size="xs"
                  w={110}
                  aria-label="Severity"
                  data={SEVERITIES}
                  value={severity}
                  onChange={setSeverity}
                  allowDeselect={false}
                />
                <Button
                  size="xs"
                  variant="light"
                  color="grape"
                  leftSection={<IconBug size={14} />}
                  loading={toIssue.isPending}
                  onClick={create}
                >
                  Create engineering issue
                </Button>
              </Group>
            )
          )}
        </Group>
        {failure.comment && <Text size="sm">“{failure.comment}”</Text>}
      </Stack>
    </Card>
  );
}
