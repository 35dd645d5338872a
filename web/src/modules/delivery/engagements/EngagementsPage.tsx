import { Anchor, Button, Group, Select, Switch, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconTimeline } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { ListScreen } from '../../../ui/ListScreen';
import { PageHeader } from '../../../ui/PageHeader';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { useMemberOptions } from '../../team/api';
import { useEngagements } from './api';
import { BurnBar, EngagementStatusBadge, GoLiveCell, TaskProgress } from './EngagementBadges';
import { EngagementFormModal } from './EngagementFormModal';
import { KIND_LABELS, KINDS, STATUS_LABELS, STATUSES, options } from './labels';
import { useEngagementFilters } from './use-engagement-filters';

const COLUMNS = 7;

export function EngagementsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const filters = useEngagementFilters();
  const pages = useCursorPages(filters.cursor, filters.setCursor);
  const engagements = useEngagements(filters.query);
  const members = useMemberOptions();
  const [createOpen, create] = useDisclosure();

  const setFilter = (key: Parameters<typeof filters.setFilter>[0], value: string | null) => {
    pages.reset();
    filters.setFilter(key, value);
  };

  const items = engagements.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Engagements"
        description="Implementations, services, proofs of concept and field work: plan, budget and go-live at a glance."
        actions={
          can('delivery.write') && (
            <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
              New engagement
            </Button>
          )
        }
      />
      <ListScreen
        exportTo={{ path: '/api/engagements/export', query: filters.query }}
        header={
          <FilterBar
            search={{ placeholder: 'Engagement name', value: filters.values.q, onSearch: (q) => setFilter('q', q) }}
            active={filters.active}
            onClear={() => {
              pages.reset();
              filters.clear();
            }}
          >
            <Select
              label="Kind"
              placeholder="Any"
              clearable
              data={options(KINDS, KIND_LABELS)}
              value={filters.values.kind ?? null}
              onChange={(v) => setFilter('kind', v)}
              w={filterWidth(190)}
            />
            <Select
              label="Status"
              placeholder="Any"
              clearable
              data={options(STATUSES, STATUS_LABELS)}
              value={filters.values.status ?? null}
              onChange={(v) => setFilter('status', v)}
              w={filterWidth(150)}
            />
            <Select
              label="Lead"
              placeholder="Anyone"
              clearable
              searchable
              data={members.options}
              value={filters.values.lead ?? null}
              onChange={(v) => setFilter('lead', v)}
              w={filterWidth(190)}
            />
            <Switch
              label="At risk only"
              checked={filters.values.atRisk === 'true'}
              onChange={(e) => setFilter('atRisk', e.currentTarget.checked ? 'true' : null)}
              mb={8}
            />
          </FilterBar>
        }
        query={engagements}
        rowCount={items.length}
        columns={COLUMNS}
        minWidth={1000}
        tableProps={{ 'aria-label': 'Engagements' }}
        head={
          <>
            <Table.Th>Engagement</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Lead</Table.Th>
            <Table.Th>Go-live (target · projected)</Table.Th>
            <Table.Th>Budget burn</Table.Th>
            <Table.Th>Tasks</Table.Th>
          </>
        }
        empty={
          <EmptyState
            icon={<IconTimeline size={18} />}
            title={filters.active ? 'No engagements match these filters' : 'No engagements yet'}
            description={
              filters.active ? 'Try a different search or clear the filters.' : 'Start one from a template to lay out a dated plan.'
            }
          />
        }
        pager={{ pages, nextCursor: engagements.data?.nextCursor }}
      >
        {items.map((e) => (
          <Table.Tr key={e.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/engagements/${e.id}`)}>
            <Table.Td>
              <Anchor component={Link} to={`/engagements/${e.id}`} fw={600} onClick={(ev) => ev.stopPropagation()}>
                {e.name}
              </Anchor>
              <Text size="xs">
                <Anchor component={Link} to={`/accounts/${e.account.id}`} c="dimmed" onClick={(ev) => ev.stopPropagation()}>
                  {e.account.name}
                </Anchor>
              </Text>
            </Table.Td>
            <Table.Td>{KIND_LABELS[e.kind]}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <EngagementStatusBadge status={e.status} />
                {e.atRisk && e.status !== 'at_risk' && (
                  <Text size="xs" c="orange" fw={600}>
                    At risk
                  </Text>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              {e.lead?.name ?? (
                <Text size="sm" c="dimmed">
                  Unassigned
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <GoLiveCell target={e.targetGoLiveDate} projected={e.projectedGoLiveDate} actual={e.actualGoLiveDate} slipDays={e.slipDays} />
            </Table.Td>
            <Table.Td>
              <BurnBar logged={e.loggedHours} budget={e.budgetHours} />
            </Table.Td>
            <Table.Td>
              <TaskProgress done={e.progress.done} total={e.progress.total} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListScreen>
      <EngagementFormModal opened={createOpen} onClose={create.close} onSaved={(e) => navigate(`/engagements/${e.id}`)} />
    </>
  );
}
