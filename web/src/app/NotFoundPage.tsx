import { Button } from '@mantine/core';
import { Link } from 'react-router-dom';
import { EmptyState } from '../ui/EmptyState';
import { IconSearch } from '../ui/icons';

export function NotFoundPage() {
  return (
    <EmptyState
      icon={<IconSearch />}
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
