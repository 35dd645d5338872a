import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconGitMerge } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../ui/format';
import type { FeatureRequest } from './api';
import { STATUS_COLORS, STATUS_LABELS, VISIBILITY_LABELS } from './labels';

interface Props {
  request: FeatureRequest;
  onEdit: () => void;
  onMerge: () => void;
}

/** What the request is, where it stands and who owns it; managers edit it or merge it from here. */
export function RequestHeader({ request, onEdit, onMerge }: Props) {
  const { can } = useAuth();
  const manage = can('feedback.manage') && !request.mergedInto;
  return (
    <Card>
      <Stack gap="sm">
        <Breadcrumbs>
          <Anchor component={Link} to="/feedback/requests" size="sm">
            Feature requests
          </Anchor>
          <Text size="sm">{request.productArea ?? 'No product area'}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={6} style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              {request.title}
            </Title>
            <Group gap="xs">
              <Badge size="md" color={STATUS_COLORS[request.status]} aria-label={`Status: ${STATUS_LABELS[request.status]}`}>
                {STATUS_LABELS[request.status]}
              </Badge>
              <Badge size="md" variant="outline" color={request.visibility === 'public' ? 'teal' : 'gray'}>
                {VISIBILITY_LABELS[request.visibility]}
              </Badge>
              <Text size="sm" c="dimmed">
                Owner: {request.owner?.name ?? 'nobody yet'} · Target release: {request.targetRelease ?? 'not set'}
                {request.shippedAt ? ` · shipped ${formatDate(request.shippedAt)}` : ''}
              </Text>
            </Group>
          </Stack>
          {manage && (
            <Group gap="xs">
              <Button variant="default" leftSection={<IconEdit size={16} />} onClick={onEdit}>
                Edit
              </Button>
              <Button variant="light" color="grape" leftSection={<IconGitMerge size={16} />} onClick={onMerge}>
                Merge into…
              </Button>
            </Group>
          )}
        </Group>
        {request.status === 'declined' && request.declinedReason && (
          <Alert color="red" variant="light" title="Declined">
            {request.declinedReason}
          </Alert>
        )}
        {request.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {request.description}
          </Text>
        )}
        {request.mergedFrom.length > 0 && (
          <Text size="xs" c="dimmed">
            Absorbed:{' '}
            {request.mergedFrom.map((m, i) => (
              <span key={m.id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/feedback/requests/${m.id}`} size="xs">
                  {m.title}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
