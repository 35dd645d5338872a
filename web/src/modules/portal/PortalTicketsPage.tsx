import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Switch, Table, Tabs, Text, Tooltip } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { useSearchParamsUpdate } from '../../ui/use-url-filters';
import { CursorPager } from '../../ui/CursorPager';
import { EmptyState } from '../../ui/EmptyState';
import { formatDateTime, fromNow } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { SkeletonRows } from '../../ui/SkeletonRows';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { usePortalSession, usePortalTickets, type PortalTicketStatus } from './api';
import { PORTAL_STATUS_COLORS, PORTAL_STATUS_HINTS, PORTAL_STATUS_LABELS } from './labels';
import { IconInbox } from '@tabler/icons-react';

export function PortalStatusBadge({ status }: { status: PortalTicketStatus }) {
  return (
    <Tooltip label={PORTAL_STATUS_HINTS[status]} withArrow>
      <Badge color={PORTAL_STATUS_COLORS[status]} variant="light" tt="none">
        {PORTAL_STATUS_LABELS[status]}
      </Badge>
    </Tooltip>
  );
}

/** The organisation's requests, open or solved; "Only mine" narrows to the ones this contact raised. */
export function PortalTicketsPage() {
  const session = usePortalSession().data;
  const [params] = useSearchParams();
  const updateParams = useSearchParamsUpdate();
  const status = params.get('status') === 'solved' ? 'solved' : 'open';
  const mine = params.get('mine') === 'true';
  const [cursor, setCursor] = useState<string | undefined>();
  const pages = useCursorPages(cursor, setCursor);
  const tickets = usePortalTickets({ status, mine, cursor });
  const items = tickets.data?.items ?? [];

  const setFilter = (key: string, value: string | null) => {
    pages.reset();
    setCursor(undefined);
    updateParams({ [key]: value });
  };

  return (
    <>
      <PageHeader
        title="Your requests"
        description={session ? `Everything ${session.account.name} has asked our support team.` : undefined}
      />
      <Card p={0}>
        <Group justify="space-between" px="md" pt="sm" wrap="wrap">
          <Tabs value={status} onChange={(v) => setFilter('status', v === 'solved' ? 'solved' : null)}>
            <Tabs.List style={{ borderBottom: 0 }}>
              <Tabs.Tab value="open">Open</Tabs.Tab>
              <Tabs.Tab value="solved">Solved</Tabs.Tab>
            </Tabs.List>
          </Tabs>
          <Switch label="Only mine" checked={mine} onChange={(e) => setFilter('mine', e.currentTarget.checked ? 'true' : null)} />
        </Group>
        {tickets.isError ? (
          <Stack p="md">
            <QueryError error={tickets.error} onRetry={() => void tickets.refetch()} />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table style={{ opacity: tickets.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>#</Table.Th>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Requested by</Table.Th>
                  <Table.Th>Last update</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tickets.isPending && <SkeletonRows columns={5} rows={5} />}
                {items.map((ticket) => (
                  <Table.Tr key={ticket.id}>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        #{ticket.number}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/portal/tickets/${ticket.id}`} fw={600} size="sm">
                        {ticket.subject}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <PortalStatusBadge status={ticket.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ticket.requester.id === session?.contact.id ? 'You' : ticket.requester.name}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={formatDateTime(ticket.updatedAt)}>
                        <Text size="sm">{fromNow(ticket.updatedAt)}</Text>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {tickets.isSuccess && items.length === 0 && !pages.hasPrevious && (
          <EmptyState
            icon={<IconInbox size={18} />}
            title={status === 'open' ? 'No open requests' : 'No solved requests yet'}
            description={
              status === 'open'
                ? 'When something needs our attention, open a request and follow it here.'
                : 'Requests we have solved for you are kept here.'
            }
            action={
              status === 'open' ? (
                <Button component={Link} to="/portal/tickets/new" variant="light" mt="xs">
                  Open a request
                </Button>
              ) : undefined
            }
          />
        )}
        {tickets.isSuccess && (items.length > 0 || pages.hasPrevious) && (
          <Stack px="md" pb="md">
            <CursorPager
              page={pages.page}
              shown={items.length}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(tickets.data.nextCursor)}
              onPrevious={pages.previous}
              onNext={() => tickets.data.nextCursor && pages.next(tickets.data.nextCursor)}
            />
          </Stack>
        )}
      </Card>
    </>
  );
}
