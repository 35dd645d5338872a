import { ColorSwatch, Group, Text } from '@mantine/core';
import { CATEGORY_COLORS, CATEGORY_LABELS, CATEGORY_ORDER } from './categories';

/** The five categories' colours, wrapping on a phone (the charts' own legends do not). */
export function CategoryLegend() {
  return (
    <Group gap="md" aria-label="Categories">
      {CATEGORY_ORDER.map((c) => (
        <Group key={c} gap={6} wrap="nowrap">
          <ColorSwatch color={`var(--mantine-color-${CATEGORY_COLORS[c].replace('.', '-')})`} size={12} withShadow={false} />
          <Text size="xs">{CATEGORY_LABELS[c]}</Text>
        </Group>
      ))}
    </Group>
  );
}
