import { useState } from 'react';
import { Card, Group, Pagination, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconListCheck } from '@tabler/icons-react';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { QueryError } from '../../../ui/QueryError';
import { notifyError } from '../../../ui/server-errors';
import {
  FIT_LABELS,
  useBulkFit,
  useReorderRequirements,
  useRequirements,
  useSaveRequirement,
  type Requirement,
  type RequirementFit,
  type RequirementListQuery,
} from './api';
import { FitSummaryCard } from './FitSummaryCard';
import { ImportRequirementsModal } from './ImportRequirementsModal';
import { RequirementCard } from './RequirementCard';
import { RequirementFormModal, showNotices } from './RequirementFormModal';
import { RequirementsFilters } from './RequirementsFilters';
import { RequirementsTable } from './RequirementsTable';
import { SelectionBar } from './SelectionBar';

const PAGE = 50;

/**
 * A deal's requirements: the fit summary, the list in the customer's order with its fit set in
 * place, filters, many at once, and the spreadsheet import. A requirement marked Gap goes to the
 * feedback insights inbox with the deal's ARR as pipeline.
 */
export function RequirementsTab({ opportunityId }: { opportunityId: string }) {
  const { can } = useAuth();
  const canWrite = can('presales.write');
  const phone = useMediaQuery('(max-width: 48em)');
  const [filters, setFilters] = useState<RequirementListQuery>({});
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Requirement | null>(null);
  const [formOpen, form] = useDisclosure();
  const [importOpen, importer] = useDisclosure();
  const list = useRequirements(opportunityId, filters);
  const save = useSaveRequirement(opportunityId);
  const bulk = useBulkFit(opportunityId);
  const reorder = useReorderRequirements(opportunityId);

  const items = list.data?.items ?? [];
  const filtered = Object.values(filters).some(Boolean);
  const pages = Math.max(1, Math.ceil(items.length / PAGE));
  const shown = items.slice((Math.min(page, pages) - 1) * PAGE, Math.min(page, pages) * PAGE);
  const setFilter = (key: keyof RequirementListQuery, value: string | null | undefined) => {
    setPage(1);
    setSelected(new Set());
    setFilters((f) => ({ ...f, [key]: value || undefined }));
  };

  const setFit = (r: Requirement, fit: RequirementFit) =>
    save.mutate(
      { id: r.id, fit },
      {
        onSuccess: (result) => showNotices(result, `${r.reference ?? 'Requirement'} marked ${FIT_LABELS[fit]}`),
        onError: (e) => notifyError(e),
      },
    );
  const move = (index: number, delta: number) => {
    const ids = items.map((r) => r.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved!);
    reorder.mutate(ids, { onError: (e) => notifyError(e, 'The order was not saved') });
  };
  const setSelectedFit = (fit: RequirementFit) =>
    bulk.mutate(
      { ids: [...selected], fit },
      {
        onSuccess: (result) => {
          setSelected(new Set());
          showNotices(result, `${result.updated} requirement${result.updated === 1 ? '' : 's'} marked ${FIT_LABELS[fit]}`);
        },
        onError: (e) => notifyError(e),
      },
    );
  const openForm = (r: Requirement | null) => {
    setEditing(r);
    form.open();
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack>
      {list.data && <FitSummaryCard summary={list.data.summary} />}
      <Card p={0} withBorder>
        <RequirementsFilters
          filters={filters}
          sections={list.data?.sections ?? []}
          canWrite={canWrite}
          onFilter={setFilter}
          onClear={() => {
            setPage(1);
            setFilters({});
          }}
          onImport={importer.open}
          onAdd={() => openForm(null)}
        />
        {canWrite && selected.size > 0 && (
          <SelectionBar count={selected.size} busy={bulk.isPending} onFit={setSelectedFit} onClear={() => setSelected(new Set())} />
        )}
        {list.isError ? (
          <Stack p="md">
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : list.isSuccess && items.length === 0 ? (
          <EmptyState
            icon={<IconListCheck size={18} />}
            title={filtered ? 'No requirement matches these filters' : 'No requirements yet'}
            description={filtered ? undefined : 'Add the customer’s requirements one by one, or import their spreadsheet (XLSX or CSV).'}
          />
        ) : phone ? (
          <Stack gap={0}>
            {shown.map((r) => (
              <RequirementCard
                key={r.id}
                requirement={r}
                canWrite={canWrite}
                selected={selected.has(r.id)}
                onToggle={() => toggle(r.id)}
                onFit={(fit) => setFit(r, fit)}
                onEdit={() => openForm(r)}
              />
            ))}
          </Stack>
        ) : (
          <RequirementsTable
            items={items}
            shown={shown}
            opportunityId={opportunityId}
            canWrite={canWrite}
            loading={list.isPending}
            canReorder={!filtered}
            reordering={reorder.isPending}
            selected={selected}
            onSelectShown={(all) => setSelected(all ? new Set(shown.map((r) => r.id)) : new Set())}
            onToggle={toggle}
            onFit={setFit}
            onMove={move}
            onEdit={openForm}
          />
        )}
        {pages > 1 && (
          <Group justify="space-between" p="sm" wrap="wrap">
            <Text size="xs" c="dimmed">
              {items.length} requirements
            </Text>
            <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} size="sm" />
          </Group>
        )}
      </Card>
      <RequirementFormModal
        opened={formOpen}
        onClose={form.close}
        opportunityId={opportunityId}
        sections={list.data?.sections ?? []}
        requirement={editing ?? undefined}
      />
      <ImportRequirementsModal opened={importOpen} onClose={importer.close} opportunityId={opportunityId} />
    </Stack>
  );
}
