import { useState } from 'react';
import { Anchor, Badge, Code, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useSearchParamsUpdate } from '../../../ui/use-url-filters';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { formatDateTime, fromNow, humanize } from '../../../ui/format';
import { IconHistory } from '@tabler/icons-react';
import { PageHeader } from '../../../ui/PageHeader';
import { ExportMenu } from '../../../ui/ExportMenu';
import { ListScreen } from '../../../ui/ListScreen';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { useMemberOptions } from '../../team/api';
import { useAuditLog, type AuditEntry } from './api';
import { AuditChanges } from './AuditChanges';

const RECORD_TYPES = ['account', 'contact', 'interaction', 'member', 'api_token', 'setting'];

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const updateParams = useSearchParamsUpdate();
  const actorId = params.get('actor') ?? undefined;
  const recordType = params.get('recordType') ?? undefined;
  const [recordIdInput, setRecordIdInput] = useState(params.get('recordId') ?? '');
  const [recordId] = useDebouncedValue(recordIdInput.trim(), 400);
  const [cursor, setCursor] = useState<string | undefined>();
  const pages = useCursorPages(cursor, setCursor);
  const members = useMemberOptions();
  // Whole local days: from the start of the first to the end of the last.
  const fromDay = params.get('from');
  const toDay = params.get('to');
  const from = fromDay ? dayjs(fromDay).startOf('day').toISOString() : undefined;
  const to = toDay ? dayjs(toDay).endOf('day').toISOString() : undefined;
  const filters = { actorId, recordType, recordId: recordId || undefined, from, to };
  const audit = useAuditLog({ ...filters, cursor, limit: 30 });

  const setFilter = (key: string, value: string | null) => {
    pages.reset();
    setCursor(undefined);
    updateParams({ [key]: value });
  };
  const nameOf = (entry: AuditEntry) =>
    entry.actorId ? (members.options.find((o) => o.value === entry.actorId)?.label ?? entry.actorId) : humanize(entry.actorType);
  const items = audit.data?.items ?? [];
  const filtered = Boolean(actorId || recordType || recordId || from || to);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, who made it and when. Entries are never edited or deleted."
        actions={<ExportMenu path="/api/audit/export" query={filters} />}
      />
      <ListScreen
        header={
          <FilterBar
            active={filtered}
            onClear={() => {
              setRecordIdInput('');
              pages.reset();
              setCursor(undefined);
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            <Select
              label="Actor"
              placeholder="Anyone"
              clearable
              searchable
              data={members.options}
              value={actorId ?? null}
              onChange={(v) => setFilter('actor', v)}
              w={filterWidth(220)}
            />
            <Select
              label="Record type"
              placeholder="Any"
              clearable
              data={RECORD_TYPES.map((t) => ({ value: t, label: humanize(t) }))}
              value={recordType ?? null}
              onChange={(v) => setFilter('recordType', v)}
              w={filterWidth(180)}
            />
            <TextInput
              label="Record id"
              placeholder="Paste an id"
              value={recordIdInput}
              onChange={(e) => {
                setRecordIdInput(e.currentTarget.value);
                setFilter('recordId', e.currentTarget.value.trim() || null);
              }}
              style={{ flex: '1 1 160px' }}
            />
            <DatePickerInput
              label="From"
              placeholder="Any day"
              clearable
              valueFormat="D MMM YYYY"
              maxDate={toDay ?? undefined}
              value={fromDay}
              onChange={(v) => setFilter('from', v)}
              w={filterWidth(150)}
            />
            <DatePickerInput
              label="To"
              placeholder="Any day"
              clearable
              valueFormat="D MMM YYYY"
              minDate={fromDay ?? undefined}
              value={toDay}
              onChange={(v) => setFilter('to', v)}
              w={filterWidth(150)}
            />
          </FilterBar>
        }
        query={audit}
        rowCount={items.length}
        columns={5}
        minWidth={900}
        head={
          <>
            <Table.Th>When</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Record</Table.Th>
            <Table.Th>Changes</Table.Th>
          </>
        }
        empty={
          <EmptyState icon={<IconHistory size={18} />} title={filtered ? 'No entries match these filters' : 'The audit log is empty'} />
        }
        pager={{ pages, nextCursor: audit.data?.nextCursor }}
      >
        {items.map((entry) => (
          <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Tooltip label={formatDateTime(entry.at)}>
                <Text size="sm">{fromNow(entry.at)}</Text>
              </Tooltip>
              {entry.ip && (
                <Text size="xs" c="dimmed">
                  {entry.ip}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{nameOf(entry)}</Text>
              {entry.actorType !== 'member' && (
                <Text size="xs" c="dimmed">
                  {humanize(entry.actorType)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge
                variant="light"
                tt="none"
                color={entry.action.endsWith('deleted') || entry.action.endsWith('revoked') ? 'red' : 'indigo'}
              >
                {entry.action}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{humanize(entry.recordType)}</Text>
              {entry.recordType === 'account' ? (
                <Anchor component={Link} to={`/accounts/${entry.recordId}`} size="xs">
                  {entry.recordId}
                </Anchor>
              ) : (
                <Code fz="xs">{entry.recordId}</Code>
              )}
            </Table.Td>
            <Table.Td maw={460}>
              <AuditChanges changes={entry.changes} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListScreen>
    </>
  );
}
