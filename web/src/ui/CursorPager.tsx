import { Button, Group, Text } from '@mantine/core';

interface Props {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  shown: number;
}

/** Previous/next over a cursor-paginated list: the server never counts, so we show the page number only. */
export function CursorPager({ page, hasPrevious, hasNext, onPrevious, onNext, shown }: Props) {
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed">
        Page {page} · {shown} shown
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={!hasPrevious} onClick={onPrevious}>
          Previous
        </Button>
        <Button variant="default" size="xs" disabled={!hasNext} onClick={onNext}>
          Next
        </Button>
      </Group>
    </Group>
  );
}
