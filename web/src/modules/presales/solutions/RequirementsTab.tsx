import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Card, Checkbox, Group, Pagination, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconFileImport, IconListCheck, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { QueryError } from '../../../ui/QueryError';
import { notifyError } from '../../../ui/server-errors';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import {
  FIT_COLORS,
  FIT_LABELS,
  PRIORITY_COLORS,
  PRIORITY_LABELS,
  REQUIREMENT_FITS,
  REQUIREMENT_PRIORITIES,
  useBulkFit,
  useDeleteRequirement,
  useReorderRequirements,
  useRequirements,
  useSaveRequirement,
  type Requirement,
  type RequirementFit,
  type RequirementListQuery,
} from './api';
import { FitSummaryCard } from './FitSummaryCard';
import { ImportRequirementsModal } from './ImportRequirementsModal';
import { RequirementFormModal, showNotices } from './RequirementFormModal';

const PAGE = 50;
const fitOptions = REQUIREMENT_FITS.map((f) => ({ value: f, label: FIT_LABELS[f] }));

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
        <FilterBar
          withBorder
          search={{ placeholder: 'Words, reference or notes', value: filters.q, onSearch: (q) => setFilter('q', q) }}
          active={filtered}
          onClear={() => {
            setPage(1);
            setFilters({});
          }}
        >
          <Select
            label="Fit"
            w={filterWidth(160)}
            data={fitOptions}
            value={filters.fit ?? null}
            onChange={(v) => setFilter('fit', v)}
            clearable
          />
          <Select
            label="Priority"
            w={filterWidth(130)}
            data={REQUIREMENT_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
            value={filters.priority ?? null}
            onChange={(v) => setFilter('priority', v)}
            clearable
          />
          <Select
            label="Section"
            w={filterWidth(170)}
            data={list.data?.sections ?? []}
            value={filters.section ?? null}
            onChange={(v) => setFilter('section', v)}
            clearable
            searchable
          />
          <Select
            label="Design"
            w={filterWidth(170)}
            data={[
              { value: 'true', label: 'Without a design' },
              { value: 'false', label: 'Answered by a design' },
            ]}
            value={filters.withoutDesign ?? null}
            onChange={(v) => setFilter('withoutDesign', v)}
            clearable
          />
          {canWrite && (
            <Group gap="xs" ml={{ sm: 'auto' }}>
              <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={importer.open}>
                Import
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => openForm(null)}>
                Add requirement
              </Button>
            </Group>
          )}
        </FilterBar>
        {canWrite && selected.size > 0 && (
          <Group p="sm" gap="sm" bg="var(--mantine-color-blue-light)" wrap="wrap">
            <Text size="sm" fw={600}>
              {selected.size} selected
            </Text>
            <Select
              aria-label="Set the fit of the selected requirements"
              placeholder="Set fit…"
              data={fitOptions}
              value={null}
              onChange={(v) => v && setSelectedFit(v as RequirementFit)}
              w={180}
              size="xs"
              disabled={bulk.isPending}
            />
            <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          </Group>
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
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" aria-label="Requirements">
              <Table.Thead>
                <Table.Tr>
                  {canWrite && (
                    <Table.Th w={36}>
                      <Checkbox
                        aria-label="Select all shown"
                        checked={shown.length > 0 && shown.every((r) => selected.has(r.id))}
                        onChange={(e) => setSelected(e.currentTarget.checked ? new Set(shown.map((r) => r.id)) : new Set())}
                      />
                    </Table.Th>
                  )}
                  <Table.Th w={90}>Ref</Table.Th>
                  <Table.Th>Requirement</Table.Th>
                  <Table.Th w={90}>Priority</Table.Th>
                  <Table.Th w={180}>Fit</Table.Th>
                  <Table.Th w={90}>Design</Table.Th>
                  {canWrite && <Table.Th w={150} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.isPending && <SkeletonRows columns={canWrite ? 7 : 5} rows={4} />}
                {shown.map((r) => {
                  const index = items.indexOf(r);
                  return (
                    <Table.Tr key={r.id} aria-label={r.reference ?? r.text.slice(0, 60)}>
                      {canWrite && (
                        <Table.Td>
                          <Checkbox
                            aria-label={`Select ${r.reference ?? 'requirement'}`}
                            checked={selected.has(r.id)}
                            onChange={() => toggle(r.id)}
                          />
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {r.reference ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RequirementText requirement={r} />
                      </Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={PRIORITY_COLORS[r.priority]}>
                          {PRIORITY_LABELS[r.priority]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <FitSelect requirement={r} canWrite={canWrite} onFit={(fit) => setFit(r, fit)} />
                      </Table.Td>
                      <Table.Td>
                        {r.designIds.length ? (
                          <Badge size="sm" variant="light" color="teal">
                            {r.designIds.length}
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            None
                          </Text>
                        )}
                      </Table.Td>
                      {canWrite && (
                        <Table.Td>
                          <Group gap={2} wrap="nowrap" justify="flex-end">
                            {!filtered && (
                              <>
                                <ActionIcon
                                  variant="subtle"
                                  aria-label={`Move ${r.reference ?? 'requirement'} up`}
                                  disabled={index === 0 || reorder.isPending}
                                  onClick={() => move(index, -1)}
                                >
                                  <IconArrowUp size={16} />
                                </ActionIcon>
                                <ActionIcon
                                  variant="subtle"
                                  aria-label={`Move ${r.reference ?? 'requirement'} down`}
                                  disabled={index === items.length - 1 || reorder.isPending}
                                  onClick={() => move(index, 1)}
                                >
                                  <IconArrowDown size={16} />
                                </ActionIcon>
                              </>
                            )}
                            <RowActions requirement={r} opportunityId={opportunityId} onEdit={() => openForm(r)} />
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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

function FitSelect({
  requirement,
  canWrite,
  onFit,
}: {
  requirement: Requirement;
  canWrite: boolean;
  onFit: (fit: RequirementFit) => void;
}) {
  if (!canWrite)
    return (
      <Badge variant="light" color={FIT_COLORS[requirement.fit]}>
        {FIT_LABELS[requirement.fit]}
      </Badge>
    );
  return (
    <Select
      aria-label={`Fit of ${requirement.reference ?? 'the requirement'}`}
      size="xs"
      data={fitOptions}
      value={requirement.fit}
      allowDeselect={false}
      onChange={(v) => v && v !== requirement.fit && onFit(v as RequirementFit)}
      leftSection={
        <span style={{ width: 8, height: 8, borderRadius: 8, background: `var(--mantine-color-${FIT_COLORS[requirement.fit]}-6)` }} />
      }
    />
  );
}

function RequirementText({ requirement: r }: { requirement: Requirement }) {
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {r.text}
      </Text>
      <Group gap={6} wrap="wrap">
        {r.section && (
          <Badge size="xs" variant="outline" color="gray" tt="none">
            {r.section}
          </Badge>
        )}
        {r.feedbackItemId && (
          <Tooltip label="Captured in the feedback insights inbox, with the deal’s ARR as pipeline">
            <Anchor component={Link} to="/feedback/inbox?source=opportunity" size="xs">
              In the feedback inbox
            </Anchor>
          </Tooltip>
        )}
      </Group>
      {r.notes && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {r.notes}
        </Text>
      )}
    </Stack>
  );
}

function RowActions({ requirement: r, opportunityId, onEdit }: { requirement: Requirement; opportunityId: string; onEdit: () => void }) {
  const remove = useDeleteRequirement(opportunityId);
  return (
    <>
      <ActionIcon variant="subtle" aria-label={`Edit ${r.reference ?? 'the requirement'}`} onClick={onEdit}>
        <IconPencil size={16} />
      </ActionIcon>
      <ConfirmButton
        size="compact-xs"
        variant="subtle"
        color="red"
        aria-label={`Delete ${r.reference ?? 'the requirement'}`}
        title={`Delete ${r.reference ?? 'this requirement'}?`}
        message={
          r.feedbackItemId
            ? 'The requirement and its design links are deleted. The feedback item captured for its gap stays in the insights inbox.'
            : 'The requirement and its design links are deleted.'
        }
        confirmLabel="Delete requirement"
        onConfirm={() => remove.mutateAsync(r.id).catch((e: unknown) => notifyError(e))}
      >
        <IconTrash size={16} />
      </ConfirmButton>
    </>
  );
}

function RequirementCard({
  requirement: r,
  canWrite,
  selected,
  onToggle,
  onFit,
  onEdit,
}: {
  requirement: Requirement;
  canWrite: boolean;
  selected: boolean;
  onToggle: () => void;
  onFit: (fit: RequirementFit) => void;
  onEdit: () => void;
}) {
  return (
    <Stack
      gap={6}
      p="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      aria-label={r.reference ?? r.text.slice(0, 60)}
      role="article"
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          {canWrite && <Checkbox aria-label={`Select ${r.reference ?? 'requirement'}`} checked={selected} onChange={onToggle} />}
          <Text size="sm" fw={600}>
            {r.reference ?? 'No reference'}
          </Text>
          <Badge size="sm" variant="light" color={PRIORITY_COLORS[r.priority]}>
            {PRIORITY_LABELS[r.priority]}
          </Badge>
        </Group>
        {canWrite && (
          <Button size="compact-xs" variant="subtle" onClick={onEdit}>
            Edit
          </Button>
        )}
      </Group>
      <RequirementText requirement={r} />
      <FitSelect requirement={r} canWrite={canWrite} onFit={onFit} />
    </Stack>
  );
}
