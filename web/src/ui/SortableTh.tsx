import type { ReactNode } from 'react';
import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';

interface Props {
  children: ReactNode;
  active: boolean;
  order: 'asc' | 'desc';
  onSort: () => void;
  align?: 'left' | 'right';
}

/** A column header that sorts the table; says its state to screen readers through aria-sort. */
export function SortableTh({ children, active, order, onSort, align = 'left' }: Props) {
  const Icon = active ? (order === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ textAlign: align }}>
      <UnstyledButton onClick={onSort} style={{ width: '100%' }}>
        <Group gap={4} justify={align === 'right' ? 'flex-end' : 'flex-start'} wrap="nowrap">
          <Text fw={600} size="sm">
            {children}
          </Text>
          <Icon size={14} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
