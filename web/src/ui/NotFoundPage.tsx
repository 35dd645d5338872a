import { Button } from '@mantine/core';
import { Link } from 'react-router-dom';
import { EmptyState } from './EmptyState';
import { IconSearch } from '@tabler/icons-react';

export function NotFoundPage() {
  return (
    <EmptyState
      icon={<IconSearch size={18} />}
      title="Page not found"
      description="The link may be old, or the record was removed."
      action={
        <Button component={Link} to="/" variant="light">
          Back to home
        </Button>
      }
    />
  );
}
