import { Anchor, Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Requirement } from './api';

/** A requirement's words, its section, its notes, and where its gap went in the feedback inbox. */
export function RequirementText({ requirement: r }: { requirement: Requirement }) {
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {r.text}
      </Text>
      <Group gap={6} wrap="wrap">
        {r.section && (
          <Badge size="xs" variant="outline" color="gray" tt="none">
            {r.section}
          </Badge>
        )}
        {r.feedbackItemId && (
          <Tooltip label="Captured in the feedback insights inbox, with the deal’s ARR as pipeline">
            <Anchor component={Link} to="/feedback/inbox?source=opportunity" size="xs">
              In the feedback inbox
            </Anchor>
          </Tooltip>
        )}
      </Group>
      {r.notes && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {r.notes}
        </Text>
      )}
    </Stack>
  );
}
