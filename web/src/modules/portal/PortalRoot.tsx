import { useState } from 'react';
import { Avatar, Center, Group, Image, Loader, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { PORTAL_SESSION_KEY, useBranding, usePortalSession, type PortalBranding } from './api';
import { setPortalUnauthorizedHandler } from './portal-client';
import { DEFAULT_PORTAL_COLOUR, PortalTheme } from './portal-theme';

const FALLBACK: PortalBranding = { name: 'Support portal', logoUrl: null, colour: DEFAULT_PORTAL_COLOUR };

/** Every /portal page: the customer's branding, and the portal's own answer to an expired session. */
export function PortalRoot() {
  const client = useQueryClient();
  useState(() => setPortalUnauthorizedHandler(() => client.setQueryData(PORTAL_SESSION_KEY, null)));
  const branding = useBranding();
  if (branding.isPending) {
    return (
      <Center h="100vh">
        <Loader color="gray" />
      </Center>
    );
  }
  return (
    <PortalTheme colour={branding.data?.colour ?? FALLBACK.colour}>
      <Outlet />
    </PortalTheme>
  );
}

export function usePortalBranding(): PortalBranding {
  return useBranding().data ?? FALLBACK;
}

/** The portal's name with its logo, or its initial on the brand colour when there is no logo. */
export function BrandMark({ size = 32, branding }: { size?: number; branding: PortalBranding }) {
  return (
    <Group gap="sm" wrap="nowrap">
      {branding.logoUrl ? (
        <Image src={branding.logoUrl} alt="" h={size} w="auto" maw={size * 4} fit="contain" />
      ) : (
        <Avatar size={size} radius="md" color="brand" variant="filled">
          {branding.name.charAt(0).toUpperCase()}
        </Avatar>
      )}
      <Text fw={700} size={size > 36 ? 'xl' : 'lg'} data-testid="portal-name">
        {branding.name}
      </Text>
    </Group>
  );
}

/** Signed-out contacts go to the portal's sign-in, which brings them back here afterwards. */
export function RequirePortalSession() {
  const session = usePortalSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!session.data) {
    const from = location.pathname + location.search;
    return <Navigate to={`/portal/sign-in${from === '/portal' ? '' : `?from=${encodeURIComponent(from)}`}`} replace />;
  }
  return <Outlet />;
}
