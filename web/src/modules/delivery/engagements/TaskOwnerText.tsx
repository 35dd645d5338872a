import { Badge, Group, Text } from '@mantine/core';
import type { TaskOwner } from './api';

/** A task's owner; a customer contact carries a "Customer" badge. */
export function TaskOwnerText({ owner }: { owner: TaskOwner | null }) {
  if (!owner) {
    return (
      <Text size="sm" c="dimmed">
        Unassigned
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm">{owner.name}</Text>
      {owner.type === 'contact' && (
        <Badge size="xs" variant="light" color="grape">
          Customer
        </Badge>
      )}
    </Group>
  );
}
