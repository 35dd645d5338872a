import { Button, Center } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { EmptyState } from './EmptyState';
import { IconAlertTriangle } from '@tabler/icons-react';

/** Shown when a screen fails to render or load, typically after a new version was deployed. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? error.statusText : error instanceof Error ? error.message : null;
  return (
    <Center mih="60vh">
      <EmptyState
        icon={<IconAlertTriangle size={18} />}
        title="This page could not be shown"
        description={detail ?? 'Reloading usually fixes it; a newer version of Outpost may have been installed.'}
        action={<Button onClick={() => window.location.reload()}>Reload</Button>}
      />
    </Center>
  );
}
