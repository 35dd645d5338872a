import { Badge } from '@mantine/core';

export type Relationship = 'engaged' | 'transactional';

export function RelationshipBadge({ value, size = 'sm' }: { value: Relationship; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge size={size} variant="light" color={value === 'engaged' ? 'green' : 'gray'}>
      {value === 'engaged' ? 'Engaged' : 'Transactional'}
    </Badge>
  );
}
