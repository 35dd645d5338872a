import { Button, Group, Select } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { PRIORITY_LABELS, REQUIREMENT_PRIORITIES, type RequirementListQuery } from './api';
import { fitOptions } from './FitSelect';

/** Search and filters over a deal's requirements, with Import and Add for those who may write. */
export function RequirementsFilters({
  filters,
  sections,
  canWrite,
  onFilter,
  onClear,
  onImport,
  onAdd,
}: {
  filters: RequirementListQuery;
  sections: string[];
  canWrite: boolean;
  onFilter: (key: keyof RequirementListQuery, value: string | null | undefined) => void;
  onClear: () => void;
  onImport: () => void;
  onAdd: () => void;
}) {
  return (
    <FilterBar
      withBorder
      search={{ placeholder: 'Words, reference or notes', value: filters.q, onSearch: (q) => onFilter('q', q) }}
      active={Object.values(filters).some(Boolean)}
      onClear={onClear}
    >
      <Select
        label="Fit"
        w={filterWidth(160)}
        data={fitOptions}
        value={filters.fit ?? null}
        onChange={(v) => onFilter('fit', v)}
        clearable
      />
      <Select
        label="Priority"
        w={filterWidth(130)}
        data={REQUIREMENT_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
        value={filters.priority ?? null}
        onChange={(v) => onFilter('priority', v)}
        clearable
      />
      <Select
        label="Section"
        w={filterWidth(170)}
        data={sections}
        value={filters.section ?? null}
        onChange={(v) => onFilter('section', v)}
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
        onChange={(v) => onFilter('withoutDesign', v)}
        clearable
      />
      {canWrite && (
        <Group gap="xs" ml={{ sm: 'auto' }}>
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={onImport}>
            Import
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
            Add requirement
          </Button>
        </Group>
      )}
    </FilterBar>
  );
}
