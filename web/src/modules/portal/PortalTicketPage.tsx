import { useState } from 'react';
import { Anchor, Avatar, Button, Card, Group, Paper, Skeleton, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api-client';
import { EmptyState } from '../../ui/EmptyState';
import { formatDateTime, fromNow, initials } from '../../ui/format';
import { IconSearch } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { showServerErrors } from '../../ui/server-errors';
import { usePortalReply, usePortalSession, usePortalTicket, type PortalMessage, type PortalTicket } from './api';
import { PORTAL_STATUS_HINTS } from './labels';
import { IconArrowLeft, IconHeadset, IconSend } from '@tabler/icons-react';
import { PortalStatusBadge } from './PortalTicketsPage';

export function PortalTicketPage() {
  const { id = '' } = useParams();
  const ticket = usePortalTicket(id);

  if (ticket.isError && ticket.error instanceof ApiError && ticket.error.status === 404) return <PortalNotFound />;
  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to="/portal" size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Your requests
        </Group>
      </Anchor>
      {ticket.isPending && <Skeleton height={240} />}
      {ticket.isError && <QueryError error={ticket.error} onRetry={() => void ticket.refetch()} />}
      {ticket.isSuccess && (
        <>
          <TicketSummary ticket={ticket.data.ticket} />
          <Stack component="ol" aria-label="Conversation" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {ticket.data.messages.map((message) => (
              <MessageItem key={message.id} message={message} />
            ))}
          </Stack>
          {ticket.data.ticket.status === 'closed' ? (
            <Paper withBorder p="md" bg="gray.1">
              <Text size="sm" c="dimmed">
                This request is closed.{' '}
                <Anchor component={Link} to="/portal/tickets/new">
                  Open a new request
                </Anchor>{' '}
                if you need more help.
              </Text>
            </Paper>
          ) : (
            <ReplyBox ticket={ticket.data.ticket} />
          )}
        </>
      )}
    </Stack>
  );
}

export function PortalNotFound() {
  return (
    <Card>
      <EmptyState
        icon={<IconSearch size={18} />}
        title="Request not found"
        description="This request does not exist, or it belongs to another organisation. Check the link, or find it among your requests."
        action={
          <Button component={Link} to="/portal" variant="light" mt="xs">
            Back to your requests
          </Button>
        }
      />
    </Card>
  );
}

function TicketSummary({ ticket }: { ticket: PortalTicket }) {
  const session = usePortalSession().data;
  return (
    <Card>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            Request #{ticket.number}
          </Text>
          <Title order={2}>{ticket.subject}</Title>
          <Text size="sm" c="dimmed">
            Opened by {ticket.requester.id === session?.contact.id ? 'you' : ticket.requester.name} {fromNow(ticket.createdAt)} · updated{' '}
            {fromNow(ticket.updatedAt)}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <PortalStatusBadge status={ticket.status} />
          <Text size="xs" c="dimmed" ta="right" maw={220}>
            {PORTAL_STATUS_HINTS[ticket.status]}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

/** Support's replies sit on the brand colour with a support badge; the customer's own on white. */
function MessageItem({ message }: { message: PortalMessage }) {
  const support = message.author.fromSupport;
  return (
    <li aria-label={`${support ? 'Reply from support' : 'Message'} by ${message.author.name}`}>
      <Paper
        withBorder
        p="md"
        style={
          support
            ? {
                background: 'var(--mantine-color-brand-0)',
                borderColor: 'var(--mantine-color-brand-2)',
                borderLeft: '4px solid var(--mantine-color-brand-6)',
              }
            : undefined
        }
      >
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Avatar size={32} radius="xl" color={support ? 'brand' : 'gray'} variant={support ? 'filled' : 'light'}>
              {support ? <IconHeadset size={18} /> : initials(message.author.name)}
            </Avatar>
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {message.author.name}
              </Text>
              <Text size="xs" c={support ? 'brand.8' : 'dimmed'}>
                {support ? 'Support team' : 'Customer'}
              </Text>
            </Stack>
          </Group>
          <Tooltip label={formatDateTime(message.createdAt)}>
            <Text size="xs" c="dimmed">
              {fromNow(message.createdAt)}
            </Text>
          </Tooltip>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Text>
      </Paper>
    </li>
  );
}

function ReplyBox({ ticket }: { ticket: PortalTicket }) {
  const reply = usePortalReply(ticket.id);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!body.trim()) {
      setError('Write a message');
      return;
    }
    reply.mutate(body.trim(), {
      onSuccess: () => setBody(''),
      onError: (e) => showServerErrors({ setErrors: (errors) => setError(errors.body ?? null) }, e, ['body']),
    });
  };
  return (
    <Card component="section" aria-label="Reply">
      <Stack gap="sm">
        <Textarea
          aria-label="Your reply"
          placeholder={ticket.status === 'solved' ? 'Still not fixed? Reply to reopen this request…' : 'Add a reply for our support team…'}
          autosize
          minRows={3}
          maxRows={14}
          value={body}
          error={error}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setError(null);
          }}
        />
        <Group justify="flex-end">
          <Button leftSection={<IconSend size={16} />} onClick={submit} loading={reply.isPending}>
            Send reply
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
