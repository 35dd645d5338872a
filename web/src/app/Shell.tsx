import { AppShell, Burger, Container, Group, ScrollArea, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet } from 'react-router-dom';
import { IconHeartHandshake } from '@tabler/icons-react';
import { HeaderSearch } from '../modules/search/HeaderSearch';
import { NotificationBell } from '../modules/platform/notifications/NotificationBell';
import { Navbar } from './Navbar';
import { useAuth } from '../lib/auth';
import { UserMenu } from './UserMenu';

export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const { can } = useAuth();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
      styles={{ main: { background: 'var(--mantine-color-gray-0)' } }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton component={Link} to="/" aria-label="Outpost home">
              <Group gap={8}>
                <ThemeIcon size={30} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan' }}>
                  <IconHeartHandshake size={18} />
                </ThemeIcon>
                <Text fw={700} size="lg">
                  Outpost
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          {can('tickets.read') && <HeaderSearch />}
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <Navbar onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Container size="xl" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
