import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router-dom';
import { initials } from '../ui/format';
import { IconChevronDown, IconLock, IconLogout, IconUserCheck } from '@tabler/icons-react';
import { IconDevices } from '@tabler/icons-react';
import { useAuth, useSession, useSignOut } from '../lib/auth';
import { ChangePasswordModal } from '../modules/identity/ChangePasswordModal';

export function UserMenu() {
  const { member } = useSession();
  const { roleLabel } = useAuth();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [passwordOpen, password] = useDisclosure();
  const roles = member.roles.map(roleLabel).join(', ');

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md">
        <Menu.Target>
          <UnstyledButton aria-label="Account menu">
            <Group gap="sm" wrap="nowrap">
              <Avatar color="indigo" radius="xl" size={34}>
                {initials(member.name)}
              </Avatar>
              <Stack gap={0} visibleFrom="xs" style={{ maxWidth: 260 }}>
                <Text size="sm" fw={600} lh={1.2}>
                  {member.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2} truncate>
                  {roles}
                </Text>
              </Stack>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{member.email}</Menu.Label>
          <Menu.Item component={Link} to={`/team/members/${member.id}`} leftSection={<IconUserCheck size={16} />}>
            My profile
          </Menu.Item>
          <Menu.Item leftSection={<IconLock size={16} />} onClick={password.open}>
            Change password
          </Menu.Item>
          <Menu.Item component={Link} to="/account/security" leftSection={<IconDevices size={16} />}>
            Security and sessions
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            color="red"
            leftSection={<IconLogout size={16} />}
            onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
          >
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpen} onClose={password.close} />
    </>
  );
}
