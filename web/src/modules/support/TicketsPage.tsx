import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  NavLink,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../lib/auth';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { useLiveTicketUpdates } from './use-live-ticket-updates';
import { EmptyState } from '../../ui/EmptyState';
import { ExportMenu } from '../../ui/ExportMenu';
import { IconBookmark, IconPlus, IconUpload } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { SkeletonRows } from '../../ui/SkeletonRows';
import { useTicketQueue, useViews, type Ticket, type TicketView } from './api';
import { NewTicketModal } from './NewTicketModal';
import { SaveViewModal } from './SaveViewModal';
import { SlaBadge } from './SlaBadge';
import { IconInbox, IconRefresh } from '@tabler/icons-react';
import { PriorityBadge, StatusBadge, TierBadge } from './TicketBadges';
import { useNow } from './use-now';

const COLUMNS = 8;
const PAGE_SIZE = 50;

/** A member's natural queue: Tier 1 picks up unassigned work, Tier 2 works its escalations. */
function defaultViewFor(hasRole: (role: string) => boolean): string {
  if (hasRole('support_tier1')) return 'view-tier1-unassigned';
  if (hasRole('support_tier2')) return 'view-tier2';
  return 'view-unsolved';
}

export function TicketsPage() {
  const { can, hasRole } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const viewId = params.get('view') ?? defaultViewFor(hasRole);
  const views = useViews();
  const queue = useTicketQueue({ view: viewId, limit: PAGE_SIZE });
  const now = useNow();
  const live = useLiveTicketUpdates();
  const [createOpen, create] = useDisclosure();
  const [saveViewOpen, saveView] = useDisclosure();

  const view = views.data?.find((v) => v.id === viewId);
  const tickets = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const selectView = (id: string) => setParams({ view: id }, { replace: false });

  return (
    <>
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <ViewsColumn views={views.data} loading={views.isPending} active={viewId} onSelect={selectView} />
        <Stack gap="md" style={{ flex: 1, minWidth: 0 }}>
          {/* On a phone the header's actions wrap under the title and a select stands in for the views column. */}
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={4}>
              <Title order={2}>{view?.name ?? (views.isPending ? 'Tickets' : 'Unknown view')}</Title>
              <Text c="dimmed" size="sm">
                {view?.count !== undefined ? `${view.count} ticket${view.count === 1 ? '' : 's'} · ` : ''}nearest SLA due first
              </Text>
            </Stack>
            <Group gap="sm">
              <LiveIndicator live={live} />
              <Tooltip label="Refresh" withArrow>
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label="Refresh"
                  onClick={() => void Promise.all([queue.refetch(), views.refetch()])}
                  loading={queue.isRefetching}
                >
                  <IconRefresh size={16} />
                </ActionIcon>
              </Tooltip>
              <ExportMenu path="/api/tickets/export" query={{ view: viewId }} />
              <Button variant="default" leftSection={<IconBookmark size={16} />} onClick={saveView.open}>
                Save view
              </Button>
              {can('tickets.write') && (
                <Button component={Link} to="/import/tickets" variant="default" leftSection={<IconUpload size={16} />}>
                  Import
                </Button>
              )}
              {can('tickets.write') && (
                <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
                  New ticket
                </Button>
              )}
            </Group>
          </Group>
          <Select
            hiddenFrom="sm"
            label="View"
            data={(views.data ?? []).map((v) => ({ value: v.id, label: v.count === undefined ? v.name : `${v.name} (${v.count})` }))}
            value={viewId}
            onChange={(id) => id && selectView(id)}
            allowDeselect={false}
          />
          <Card p={0}>
            {queue.isError ? (
              <Stack p="md">
                <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={820}>
                <Table
                  horizontalSpacing="xs"
                  aria-label="Tickets"
                  style={{ opacity: queue.isPlaceholderData ? 0.6 : 1 }}
                  aria-busy={queue.isFetching}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={56} pl="md">
                        #
                      </Table.Th>
                      <Table.Th>Subject</Table.Th>
                      <Table.Th>Requester</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Priority</Table.Th>
                      <Table.Th>Tier</Table.Th>
                      <Table.Th>Assignee</Table.Th>
                      <Table.Th>SLA due</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {queue.isPending && <SkeletonRows columns={COLUMNS} rows={10} />}
                    {tickets.map((ticket) => (
                      <TicketRow key={ticket.id} ticket={ticket} now={now} onOpen={() => navigate(`/tickets/${ticket.id}`)} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {queue.isSuccess && tickets.length === 0 && (
              <EmptyState
                icon={<IconInbox size={18} />}
                title="Nothing in this queue"
                description="Every ticket in this view has been handled. Pick another view on the left."
              />
            )}
            {queue.isSuccess && tickets.length > 0 && (
              <Group justify="space-between" p="md">
                <Text size="sm" c="dimmed">
                  {tickets.length} shown{view?.count !== undefined ? ` of ${view.count}` : ''}
                </Text>
                {queue.hasNextPage && (
                  <Button variant="default" size="xs" onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
                    Load more
                  </Button>
                )}
              </Group>
            )}
          </Card>
        </Stack>
      </Group>
      <SaveViewModal opened={saveViewOpen} onClose={saveView.close} current={view} onSaved={(saved) => selectView(saved.id)} />
      <NewTicketModal opened={createOpen} onClose={create.close} onCreated={(ticket) => navigate(`/tickets/${ticket.id}`)} />
    </>
  );
}

function ViewsColumn({
  views,
  loading,
  active,
  onSelect,
}: {
  views: TicketView[] | undefined;
  loading: boolean;
  active: string;
  onSelect: (id: string) => void;
}) {
  const shared = views?.filter((v) => v.shared) ?? [];
  const personal = views?.filter((v) => !v.shared) ?? [];
  const item = (view: TicketView) => (
    <NavLink
      key={view.id}
      component="button"
      label={view.name}
      active={view.id === active}
      aria-current={view.id === active ? 'page' : undefined}
      onClick={() => onSelect(view.id)}
      rightSection={
        view.count !== undefined && (
          <Badge
            size="sm"
            variant={view.id === active ? 'filled' : 'light'}
            color={view.id === 'view-breaching' && view.count > 0 ? 'red' : 'gray'}
            aria-label={`${view.count} tickets`}
          >
            {view.count}
          </Badge>
        )
      }
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
  return (
    <Card component="nav" aria-label="Views" p="xs" w={220} visibleFrom="sm" style={{ flexShrink: 0, position: 'sticky', top: 76 }}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={4} pb={6}>
        Views
      </Text>
      {loading && (
        <Stack gap={6} p="xs">
          {Array.from({ length: 7 }, (_, i) => (
            <Skeleton key={i} height={22} />
          ))}
        </Stack>
      )}
      <Stack gap={2}>{shared.map(item)}</Stack>
      {personal.length > 0 && (
        <>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={6}>
            My views
          </Text>
          <Stack gap={2}>{personal.map(item)}</Stack>
        </>
      )}
    </Card>
  );
}

function TicketRow({ ticket, now, onOpen }: { ticket: Ticket; now: number; onOpen: () => void }) {
  return (
    <Table.Tr style={{ cursor: 'pointer' }} onClick={onOpen}>
      <Table.Td pl="md">
        <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          #{ticket.number}
        </Text>
      </Table.Td>
      <Table.Td miw={220}>
        <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={600} size="sm" onClick={(e) => e.stopPropagation()} lineClamp={2}>
          {ticket.subject}
        </Anchor>
        {ticket.tags.length > 0 && (
          <Group gap={4} mt={4}>
            {ticket.tags.slice(0, 4).map((tag) => (
              <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
                {tag}
              </Badge>
            ))}
            {ticket.tags.length > 4 && (
              <Text size="xs" c="dimmed">
                +{ticket.tags.length - 4}
              </Text>
            )}
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{ticket.requester.name}</Text>
        <Text size="xs" c="dimmed">
          {ticket.account.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={ticket.status} size="xs" />
      </Table.Td>
      <Table.Td>
        <PriorityBadge priority={ticket.priority} size="xs" />
      </Table.Td>
      <Table.Td>
        <TierBadge tier={ticket.tier} size="xs" />
      </Table.Td>
      <Table.Td>
        {ticket.assignee ? (
          <Text size="sm">{ticket.assignee.name}</Text>
        ) : (
          <Box>
            <Text size="sm" c="dimmed">
              Unassigned
            </Text>
            {ticket.group && (
              <Text size="xs" c="dimmed">
                {ticket.group.name}
              </Text>
            )}
          </Box>
        )}
      </Table.Td>
      <Table.Td pr="md">
        <SlaBadge sla={ticket.sla} now={now} size="sm" />
      </Table.Td>
    </Table.Tr>
  );
}
