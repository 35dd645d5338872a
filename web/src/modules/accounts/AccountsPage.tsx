import { Anchor, Badge, Button, Select, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../lib/auth';
import { EmptyState } from '../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../ui/FilterBar';
import { daysUntil, formatDate, formatMoney } from '../../ui/format';
import { IconBuilding, IconPlus, IconUpload } from '@tabler/icons-react';
import { PageHeader } from '../../ui/PageHeader';
import { ListScreen } from '../../ui/ListScreen';
import { RelationshipBadge } from '../../ui/RelationshipBadge';
import { SortableTh } from '../../ui/SortableTh';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { useMemberOptions } from '../team/api';
import { useAccounts } from './api';
import { useAccountFilters } from './use-account-filters';
import { AccountFormModal } from './AccountFormModal';
import { SEGMENT_LABELS, SEGMENTS, STAGE_COLORS, STAGE_LABELS, STAGES, options } from './labels';

const COLUMNS = 8;

export function AccountsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const filters = useAccountFilters();
  const pages = useCursorPages(filters.cursor, filters.setCursor);
  const accounts = useAccounts(filters.query);
  const members = useMemberOptions();
  const [createOpen, create] = useDisclosure();

  const setFilter = (key: Parameters<typeof filters.setFilter>[0], value: string | null) => {
    pages.reset();
    filters.setFilter(key, value);
  };
  const sortBy = (column: 'name' | 'arr' | 'renewal_date') => {
    pages.reset();
    filters.setSort(column);
  };

  const items = accounts.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Every customer, its revenue, renewal and how deep the relationship runs."
        actions={
          can('accounts.write') && (
            <>
              <Button component={Link} to="/import/accounts" variant="default" leftSection={<IconUpload size={16} />}>
                Import
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
                New account
              </Button>
            </>
          )
        }
      />
      <ListScreen
        exportTo={{ path: '/api/accounts/export', query: filters.query }}
        header={
          <FilterBar
            search={{ placeholder: 'Name or e-mail domain', value: filters.values.q, onSearch: (q) => setFilter('q', q) }}
            active={filters.active}
            onClear={() => {
              pages.reset();
              filters.clear();
            }}
          >
            <Select
              label="Segment"
              placeholder="Any"
              clearable
              data={options(SEGMENTS, SEGMENT_LABELS)}
              value={filters.values.segment ?? null}
              onChange={(v) => setFilter('segment', v)}
              w={filterWidth(150)}
            />
            <Select
              label="Stage"
              placeholder="Any"
              clearable
              data={options(STAGES, STAGE_LABELS)}
              value={filters.values.stage ?? null}
              onChange={(v) => setFilter('stage', v)}
              w={filterWidth(150)}
            />
            <Select
              label="Relationship"
              placeholder="Any"
              clearable
              data={[
                { value: 'engaged', label: 'Engaged' },
                { value: 'transactional', label: 'Transactional' },
              ]}
              value={filters.values.relationship ?? null}
              onChange={(v) => setFilter('relationship', v)}
              w={filterWidth(150)}
            />
            <Select
              label="Team member"
              placeholder="Anyone"
              clearable
              searchable
              data={members.options}
              value={filters.values.owner ?? null}
              onChange={(v) => setFilter('owner', v)}
              w={filterWidth(190)}
            />
          </FilterBar>
        }
        query={accounts}
        rowCount={items.length}
        columns={COLUMNS}
        minWidth={900}
        head={
          <>
            <SortableTh active={filters.sort === 'name'} order={filters.order} onSort={() => sortBy('name')}>
              Name
            </SortableTh>
            <Table.Th>Segment</Table.Th>
            <Table.Th>Stage</Table.Th>
            <SortableTh active={filters.sort === 'arr'} order={filters.order} onSort={() => sortBy('arr')} align="right">
              ARR
            </SortableTh>
            <SortableTh active={filters.sort === 'renewal_date'} order={filters.order} onSort={() => sortBy('renewal_date')}>
              Renewal
            </SortableTh>
            <Table.Th>Relationship</Table.Th>
            <Table.Th>Account manager</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Contacts</Table.Th>
          </>
        }
        empty={
          <EmptyState
            icon={<IconBuilding size={18} />}
            title={filters.active ? 'No accounts match these filters' : 'No accounts yet'}
            description={
              filters.active
                ? 'Try a different search or clear the filters.'
                : 'Create the first account to start tracking the relationship.'
            }
          />
        }
        pager={{ pages, nextCursor: accounts.data?.nextCursor }}
      >
        {items.map((account) => (
          <Table.Tr key={account.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/accounts/${account.id}`)}>
            <Table.Td>
              <Anchor component={Link} to={`/accounts/${account.id}`} fw={600} onClick={(e) => e.stopPropagation()}>
                {account.name}
              </Anchor>
              {account.internal && (
                <Badge ml="xs" size="xs" variant="light" color="grape">
                  Internal
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {account.domains.join(', ') || 'No domains'}
              </Text>
            </Table.Td>
            <Table.Td>{SEGMENT_LABELS[account.segment]}</Table.Td>
            <Table.Td>
              <Badge variant="dot" color={STAGE_COLORS[account.lifecycleStage]}>
                {STAGE_LABELS[account.lifecycleStage]}
              </Badge>
            </Table.Td>
            <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{formatMoney(account.arr)}</Table.Td>
            <Table.Td>
              <RenewalCell date={account.renewalDate} />
            </Table.Td>
            <Table.Td>
              <RelationshipBadge value={account.relationship} />
            </Table.Td>
            <Table.Td>
              {account.accountManager?.name ?? (
                <Text size="sm" c="dimmed">
                  Unassigned
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{account.contactCount}</Table.Td>
          </Table.Tr>
        ))}
      </ListScreen>
      <AccountFormModal opened={createOpen} onClose={create.close} onSaved={(account) => navigate(`/accounts/${account.id}`)} />
    </>
  );
}

function RenewalCell({ date }: { date: string | null }) {
  if (!date)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const days = daysUntil(date);
  const color = days < 0 ? 'dimmed' : days <= 30 ? 'red' : days <= 90 ? 'orange' : undefined;
  return (
    <>
      <Text size="sm">{formatDate(date)}</Text>
      <Text size="xs" c={color ?? 'dimmed'}>
        {days < 0 ? `${-days} days ago` : days === 0 ? 'today' : `in ${days} days`}
      </Text>
    </>
  );
}
