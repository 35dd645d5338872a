import { Group, Spoiler, Stack, Text } from '@mantine/core';
import { humanize } from '../../../ui/format';

// Change sets name fields as the records do: `lifecycleStage` or `capacity_hours`.
const fieldLabel = (field: string) => humanize(field.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase());

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A change set as `field: before → after`, one line per field. */
export function AuditChanges({ changes }: { changes: Record<string, [unknown, unknown]> | null }) {
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  // A created record has no "before": list its values instead of a column of "— →".
  const created = entries.every(([, [before]]) => before === null);
  return (
    <Spoiler
      maxHeight={90}
      showLabel="Show all changes"
      hideLabel="Show less"
      styles={{ control: { fontSize: 'var(--mantine-font-size-xs)' } }}
    >
      <Stack gap={2}>
        {entries.map(([field, [before, after]]) => (
          <Group key={field} gap={6} wrap="nowrap" align="flex-start">
            <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {fieldLabel(field)}:
            </Text>
            {!created && (
              <>
                <Text size="xs" c="red.7" td={before === null ? undefined : 'line-through'} style={{ wordBreak: 'break-word' }}>
                  {show(before)}
                </Text>
                <Text size="xs" c="dimmed">
                  →
                </Text>
              </>
            )}
            <Text size="xs" c={created ? undefined : 'teal.8'} style={{ wordBreak: 'break-word' }}>
              {show(after)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Spoiler>
  );
}
