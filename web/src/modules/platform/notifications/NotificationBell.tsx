import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { fromNow } from '../../../ui/format';
import { notifyError } from '../../../ui/server-errors';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications, type Notification } from './api';

/**
 * The bell in the workbench header: the member's notifications, newest first, with an unread badge.
 * Choosing one marks it read and opens what it links to.
 */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();
  const unread = list.data?.unreadCount ?? 0;
  const items = list.data?.items ?? [];

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id, { onError: (e) => notifyError(e) });
    setOpened(false);
    if (n.link) navigate(n.link);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withArrow>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} maw="calc(100vw - 16px)">
        <Group justify="space-between" px="md" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onError: (e) => notifyError(e) })}
          >
            Mark all read
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420}>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" p="md" ta="center">
              {list.isPending ? 'Loading…' : 'Nothing new. You are told here when something needs you.'}
            </Text>
          ) : (
            <Stack gap={0} component="ul" aria-label="Notifications" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((n) => (
                <li key={n.id}>
                  <UnstyledButton
                    onClick={() => open(n)}
                    px="md"
                    py="sm"
                    w="100%"
                    aria-label={`${n.readAt ? '' : 'Unread: '}${n.title}`}
                    style={{
                      borderBottom: '1px solid var(--mantine-color-gray-2)',
                      background: n.readAt ? undefined : 'var(--mantine-color-blue-0)',
                    }}
                  >
                    <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={1}>
                      {n.title}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={3}>
                      {n.body}
                    </Text>
                    <Text size="xs" c="dimmed" mt={2}>
                      {fromNow(n.createdAt)}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
