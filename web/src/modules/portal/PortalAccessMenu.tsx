import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { accountKeys, type AccountContact } from '../accounts/api';
import type { PortalAccessInput } from '../../../../src/modules/portal/contract/portal';
import { api } from '../../lib/api-client';
import { IconLock, IconWorld } from '@tabler/icons-react';
import { notifyError, notifySuccess } from '../../ui/server-errors';

/**
 * Turns a contact's customer-portal sign-in on or off (members with contacts.write). Contacts can
 * sign in by default; turning access off also ends their portal sessions.
 */
export function PortalAccessMenu({ contact }: { contact: AccountContact }) {
  const client = useQueryClient();
  const setAccess = useMutation({
    mutationFn: (enabled: boolean) => api.put<void>(`/api/contacts/${contact.id}/portal-access`, { enabled } satisfies PortalAccessInput),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.contacts(contact.accountId) }),
  });
  const allowed = contact.portalAccess !== false;
  const change = (enabled: boolean) =>
    setAccess.mutate(enabled, {
      onSuccess: () =>
        notifySuccess(
          enabled ? `${contact.name} can sign in to the customer portal.` : `${contact.name} can no longer sign in to the customer portal.`,
        ),
      onError: (error) => notifyError(error),
    });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Tooltip label={allowed ? 'Can sign in to the customer portal' : 'Blocked from the customer portal'}>
          <ActionIcon
            variant="subtle"
            color={allowed ? 'gray' : 'red'}
            aria-label={`Portal access for ${contact.name}: ${allowed ? 'allowed' : 'blocked'}`}
            loading={setAccess.isPending}
          >
            {allowed ? <IconWorld size={16} /> : <IconLock size={16} />}
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Customer portal</Menu.Label>
        <Menu.Item leftSection={<IconWorld size={14} />} disabled={allowed} onClick={() => change(true)}>
          Allow portal sign-in
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLock size={14} />} disabled={!allowed} onClick={() => change(false)}>
          Block portal sign-in
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
