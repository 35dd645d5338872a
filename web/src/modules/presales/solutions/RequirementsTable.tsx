import { Checkbox, Table } from '@mantine/core';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import type { Requirement, RequirementFit } from './api';
import { RequirementRow } from './RequirementRow';

/** The requirements of one page as a table, for screens wide enough to hold it. */
export function RequirementsTable({
  items,
  shown,
  opportunityId,
  canWrite,
  loading,
  canReorder,
  reordering,
  selected,
  onSelectShown,
  onToggle,
  onFit,
  onMove,
  onEdit,
}: {
  /** Every requirement, in the customer's order (for moving them). */
  items: Requirement[];
  /** The page of them shown. */
  shown: Requirement[];
  opportunityId: string;
  canWrite: boolean;
  loading: boolean;
  canReorder: boolean;
  reordering: boolean;
  selected: Set<string>;
  onSelectShown: (all: boolean) => void;
  onToggle: (id: string) => void;
  onFit: (requirement: Requirement, fit: RequirementFit) => void;
  onMove: (index: number, delta: 1 | -1) => void;
  onEdit: (requirement: Requirement) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" aria-label="Requirements">
        <Table.Thead>
          <Table.Tr>
            {canWrite && (
              <Table.Th w={36}>
                <Checkbox
                  aria-label="Select all shown"
                  checked={shown.length > 0 && shown.every((r) => selected.has(r.id))}
                  onChange={(e) => onSelectShown(e.currentTarget.checked)}
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
          {loading && <SkeletonRows columns={canWrite ? 7 : 5} rows={4} />}
          {shown.map((r) => {
            const index = items.indexOf(r);
            return (
              <RequirementRow
                key={r.id}
                requirement={r}
                opportunityId={opportunityId}
                canWrite={canWrite}
                selected={selected.has(r.id)}
                onToggle={() => onToggle(r.id)}
                onFit={(fit) => onFit(r, fit)}
                onEdit={() => onEdit(r)}
                reorder={
                  canReorder
                    ? { first: index === 0, last: index === items.length - 1, busy: reordering, onMove: (delta) => onMove(index, delta) }
                    : undefined
                }
              />
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
