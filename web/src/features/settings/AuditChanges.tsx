import { Group, Stack, Text } from '@mantine/core';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A change set as `field: before → after`, one line per field. */
export function AuditChanges({ changes }: { changes: Record<string, [unknown, unknown]> | null }) {
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {entries.map(([field, [before, after]]) => (
        <Group key={field} gap={6} wrap="nowrap" align="flex-start">
          <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {field}:
          </Text>
          <Text size="xs" c="red.7" td={before === null ? undefined : 'line-through'} style={{ wordBreak: 'break-word' }}>
            {show(before)}
          </Text>
          <Text size="xs" c="dimmed">
            →
          </Text>
          <Text size="xs" c="teal.8" style={{ wordBreak: 'break-word' }}>
            {show(after)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
