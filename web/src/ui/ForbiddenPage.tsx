import { Button } from '@mantine/core';
import { Link } from 'react-router-dom';
import { EmptyState } from './EmptyState';
import { IconLock } from '@tabler/icons-react';

export function ForbiddenPage() {
  return (
    <EmptyState
      icon={<IconLock size={18} />}
      title="You do not have access to this page"
      description="Your roles do not include the permission this page needs. Ask an admin if you think they should."
      action={
        <Button component={Link} to="/" variant="light">
          Back to home
        </Button>
      }
    />
  );
}
