import type { ReactNode } from 'react';
import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import { IconAdjustments, IconBuilding, IconHistory, IconHome, IconKey, IconUserCog, IconUsers } from '../ui/icons';
import { IconBook, IconLifebuoy, IconTicket } from '../features/support/support-icons';
import { IconPalette, IconWebhook } from '../features/webhooks/webhook-icons';
import { useAuth, type Permission } from './auth';

interface Item {
  to: string;
  label: string;
  icon: ReactNode;
  permission?: Permission;
}

const GROUPS: { label: string | null; items: Item[] }[] = [
  { label: null, items: [{ to: '/', label: 'Home', icon: <IconHome /> }] },
  { label: 'Customers', items: [{ to: '/accounts', label: 'Accounts', icon: <IconBuilding />, permission: 'accounts.read' }] },
  {
    label: 'Support',
    items: [
      { to: '/tickets', label: 'Tickets', icon: <IconTicket />, permission: 'tickets.read' },
      { to: '/knowledge', label: 'Knowledge base', icon: <IconBook />, permission: 'tickets.read' },
    ],
  },
  { label: 'Team', items: [{ to: '/team', label: 'Team directory', icon: <IconUsers />, permission: 'members.read' }] },
  {
    label: 'Admin',
    items: [
      { to: '/admin/members', label: 'Members', icon: <IconUserCog />, permission: 'members.manage' },
      { to: '/admin/tokens', label: 'API tokens', icon: <IconKey />, permission: 'tokens.manage' },
      { to: '/admin/audit', label: 'Audit log', icon: <IconHistory />, permission: 'audit.read' },
      { to: '/admin/relationship-rules', label: 'Relationship rules', icon: <IconAdjustments />, permission: 'settings.manage' },
      { to: '/admin/support', label: 'Support settings', icon: <IconLifebuoy />, permission: 'support.manage' },
      { to: '/admin/webhooks', label: 'Webhooks', icon: <IconWebhook />, permission: 'webhooks.manage' },
      { to: '/admin/portal', label: 'Customer portal', icon: <IconPalette />, permission: 'settings.manage' },
    ],
  },
];

export function Navbar({ onNavigate }: { onNavigate: () => void }) {
  const { can } = useAuth();
  const { pathname } = useLocation();
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

  return (
    <nav aria-label="Main">
      <Stack gap="md">
        {GROUPS.map((group) => {
          const items = group.items.filter((item) => !item.permission || can(item.permission));
          if (items.length === 0) return null;
          return (
            <Stack gap={2} key={group.label ?? 'main'}>
              {group.label && (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                  {group.label}
                </Text>
              )}
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  leftSection={item.icon}
                  active={isActive(item.to)}
                  onClick={onNavigate}
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              ))}
            </Stack>
          );
        })}
      </Stack>
    </nav>
  );
}
