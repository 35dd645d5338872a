import { AppShell, Avatar, Button, Container, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { initials } from '../../ui/format';
import { IconChevronDown, IconLogout, IconPlus } from '@tabler/icons-react';
import { usePortalSession, usePortalSignOut } from './api';
import { IconBook, IconChecklist, IconInbox, IconRoute, IconSchool, IconSparkles, IconUser } from '@tabler/icons-react';
import { IconTarget } from '@tabler/icons-react';
import { BrandMark, usePortalBranding } from './PortalRoot';

const LINKS = [
  {
    to: '/portal',
    label: 'Requests',
    icon: <IconInbox size={16} />,
    active: (p: string) => p === '/portal' || p.startsWith('/portal/tickets'),
  },
  { to: '/portal/projects', label: 'Projects', icon: <IconRoute size={16} />, active: (p: string) => p.startsWith('/portal/projects') },
  { to: '/portal/training', label: 'Training', icon: <IconSchool size={16} />, active: (p: string) => p.startsWith('/portal/training') },
  {
    to: '/portal/acceptance',
    // Short in the header (six links share it at 1440 px); the page itself is "Acceptance testing".
    label: 'Acceptance',
    icon: <IconChecklist size={16} />,
    active: (p: string) => p.startsWith('/portal/acceptance'),
  },
  { to: '/portal/success', label: 'Our plan', icon: <IconTarget size={16} />, active: (p: string) => p.startsWith('/portal/success') },
  {
    to: '/portal/updates',
    label: 'Product updates',
    icon: <IconSparkles size={16} />,
    active: (p: string) => p.startsWith('/portal/updates'),
  },
  { to: '/portal/help', label: 'Help centre', icon: <IconBook size={16} />, active: (p: string) => p.startsWith('/portal/help') },
];

/** The customer's frame: their organisation's brand, their requests and the help centre, nothing of the workbench. */
export function PortalShell() {
  const branding = usePortalBranding();
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 64 }} padding="lg" styles={{ main: { background: 'var(--mantine-color-gray-0)' } }}>
      <AppShell.Header style={{ borderTop: '3px solid var(--mantine-color-brand-6)' }}>
        {/* Full width, unlike the page below: six sections, the new-request button and the contact share one line. */}
        <Container fluid h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              <UnstyledButton component={Link} to="/portal" aria-label={`${branding.name} home`}>
                <BrandMark branding={branding} />
              </UnstyledButton>
              <Group gap={4} component="nav" aria-label="Portal" visibleFrom="sm" wrap="nowrap">
                {LINKS.map((link) => (
                  <Button
                    key={link.to}
                    component={Link}
                    to={link.to}
                    variant={link.active(pathname) ? 'light' : 'subtle'}
                    color={link.active(pathname) ? 'brand' : 'gray'}
                    leftSection={link.icon}
                    px="xs"
                  >
                    {link.label}
                  </Button>
                ))}
              </Group>
            </Group>
            <Group gap="md" wrap="nowrap">
              <Button
                component={Link}
                to="/portal/tickets/new"
                leftSection={<IconPlus size={16} />}
                visibleFrom="xs"
                style={{ flexShrink: 0 }}
              >
                New request
              </Button>
              <ContactMenu />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

function ContactMenu() {
  const session = usePortalSession().data;
  const signOut = usePortalSignOut();
  const navigate = useNavigate();
  if (!session) return null;
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label="Your profile menu">
          <Group gap="sm" wrap="nowrap">
            <Avatar color="brand" radius="xl" size={34}>
              {initials(session.contact.name)}
            </Avatar>
            {/* One line each, cut with an ellipsis: a long name must not push the header to two rows. */}
            <Stack gap={0} visibleFrom="sm" maw={160}>
              <Text size="sm" fw={600} lh={1.2} truncate>
                {session.contact.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} truncate>
                {session.account.name}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.contact.email}</Menu.Label>
        <Menu.Item component={Link} to="/portal/profile" leftSection={<IconUser size={16} />}>
          Profile and password
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/portal/sign-in', { replace: true }) })}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
