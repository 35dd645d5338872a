import { Button, Group, Select, Text } from '@mantine/core';
import type { RequirementFit } from './api';
import { fitOptions } from './FitSelect';

/** Shown while requirements are ticked: set their fit at once, or clear the selection. */
export function SelectionBar({
  count,
  busy,
  onFit,
  onClear,
}: {
  count: number;
  busy: boolean;
  onFit: (fit: RequirementFit) => void;
  onClear: () => void;
}) {
  return (
    <Group p="sm" gap="sm" bg="var(--mantine-color-blue-light)" wrap="wrap">
      <Text size="sm" fw={600}>
        {count} selected
      </Text>
      <Select
        aria-label="Set the fit of the selected requirements"
        placeholder="Set fit…"
        data={fitOptions}
        value={null}
        onChange={(v) => v && onFit(v as RequirementFit)}
        w={180}
        size="xs"
        disabled={busy}
      />
      <Button size="xs" variant="subtle" onClick={onClear}>
        Clear selection
      </Button>
    </Group>
  );
}
