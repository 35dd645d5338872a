import { Anchor, Avatar, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { formatDateTime, fromNow, initials } from '../../ui/format';
import type { Attachment, TicketMessage } from './api';
import { IconNote, IconPaperclip } from '@tabler/icons-react';

const VIA: Record<TicketMessage['via'], string> = { web: 'web', email: 'e-mail', portal: 'portal', api: 'API' };

/**
 * The thread, oldest first. Internal notes sit on yellow, as agents know them from Zendesk, so a
 * note is never mistaken for something the customer saw.
 */
export function Conversation({ messages }: { messages: TicketMessage[] }) {
  return (
    <Stack gap="md" role="list" aria-label="Conversation">
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} />
      ))}
    </Stack>
  );
}

function MessageItem({ message }: { message: TicketMessage }) {
  const internal = message.visibility === 'internal';
  const fromCustomer = message.author.type === 'contact';
  return (
    <Paper
      role="listitem"
      aria-label={internal ? `Internal note by ${message.author.name}` : `Message from ${message.author.name}`}
      withBorder
      p="md"
      bg={internal ? 'yellow.0' : fromCustomer ? 'white' : 'indigo.0'}
      style={{
        borderColor: internal ? 'var(--mantine-color-yellow-4)' : undefined,
        borderLeft: `4px solid var(--mantine-color-${internal ? 'yellow-5' : fromCustomer ? 'gray-4' : 'indigo-4'})`,
      }}
    >
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Avatar radius="xl" size={34} color={fromCustomer ? 'gray' : internal ? 'yellow' : 'indigo'}>
            {initials(message.author.name)}
          </Avatar>
          <Stack gap={0}>
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {message.author.name}
              </Text>
              {internal ? (
                <Badge size="xs" color="yellow" variant="filled" c="dark" leftSection={<IconNote size={10} />}>
                  Internal note
                </Badge>
              ) : (
                <Text size="xs" c="dimmed">
                  {fromCustomer ? 'Requester' : 'Public reply'}
                </Text>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              via {VIA[message.via]}
            </Text>
          </Stack>
        </Group>
        <Tooltip label={formatDateTime(message.createdAt)} withArrow>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {fromNow(message.createdAt)}
          </Text>
        </Tooltip>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.body}
      </Text>
      {message.attachments.length > 0 && <AttachmentList attachments={message.attachments} />}
    </Paper>
  );
}

function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  return (
    <Group gap="xs" mt="sm">
      {attachments.map((a) => (
        <Anchor key={a.id} href={a.url} target="_blank" rel="noreferrer" size="xs">
          <Badge variant="default" leftSection={<IconPaperclip size={12} />} tt="none" style={{ cursor: 'pointer' }}>
            {a.filename} · {formatBytes(a.sizeBytes)}
          </Badge>
        </Anchor>
      ))}
    </Group>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
