import { ActionIcon, Badge, Checkbox, Group, Table, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { PRIORITY_COLORS, PRIORITY_LABELS, type Requirement, type RequirementFit } from './api';
import { FitSelect } from './FitSelect';
import { RequirementRowActions } from './RequirementRowActions';
import { RequirementText } from './RequirementText';

interface Props {
  requirement: Requirement;
  opportunityId: string;
  canWrite: boolean;
  selected: boolean;
  onToggle: () => void;
  onFit: (fit: RequirementFit) => void;
  onEdit: () => void;
  /** Moving up and down keeps the customer's order; absent while a filter hides some of the list. */
  reorder?: { first: boolean; last: boolean; busy: boolean; onMove: (delta: 1 | -1) => void };
}

/** One requirement in the wide table: reference, words, priority, fit set in place, designs answering it. */
export function RequirementRow({ requirement: r, opportunityId, canWrite, selected, onToggle, onFit, onEdit, reorder }: Props) {
  return (
    <Table.Tr aria-label={r.reference ?? r.text.slice(0, 60)}>
      {canWrite && (
        <Table.Td>
          <Checkbox aria-label={`Select ${r.reference ?? 'requirement'}`} checked={selected} onChange={onToggle} />
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
        <FitSelect requirement={r} canWrite={canWrite} onFit={onFit} />
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
            {reorder && (
              <>
                <ActionIcon
                  variant="subtle"
                  aria-label={`Move ${r.reference ?? 'requirement'} up`}
                  disabled={reorder.first || reorder.busy}
                  onClick={() => reorder.onMove(-1)}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={`Move ${r.reference ?? 'requirement'} down`}
                  disabled={reorder.last || reorder.busy}
                  onClick={() => reorder.onMove(1)}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
              </>
            )}
            <RequirementRowActions requirement={r} opportunityId={opportunityId} onEdit={onEdit} />
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
