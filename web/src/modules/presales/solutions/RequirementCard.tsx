import { Badge, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { PRIORITY_COLORS, PRIORITY_LABELS, type Requirement, type RequirementFit } from './api';
import { FitSelect } from './FitSelect';
import { RequirementText } from './RequirementText';

/** A requirement on a phone, where the table would not fit: one card each. */
export function RequirementCard({
  requirement: r,
  canWrite,
  selected,
  onToggle,
  onFit,
  onEdit,
}: {
  requirement: Requirement;
  canWrite: boolean;
  selected: boolean;
  onToggle: () => void;
  onFit: (fit: RequirementFit) => void;
  onEdit: () => void;
}) {
  return (
    <Stack
      gap={6}
      p="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      aria-label={r.reference ?? r.text.slice(0, 60)}
      role="article"
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          {canWrite && <Checkbox aria-label={`Select ${r.reference ?? 'requirement'}`} checked={selected} onChange={onToggle} />}
          <Text size="sm" fw={600}>
            {r.reference ?? 'No reference'}
          </Text>
          <Badge size="sm" variant="light" color={PRIORITY_COLORS[r.priority]}>
            {PRIORITY_LABELS[r.priority]}
          </Badge>
        </Group>
        {canWrite && (
          <Button size="compact-xs" variant="subtle" onClick={onEdit}>
            Edit
          </Button>
        )}
      </Group>
      <RequirementText requirement={r} />
      <FitSelect requirement={r} canWrite={canWrite} onFit={onFit} />
    </Stack>
  );
}
