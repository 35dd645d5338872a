import { useState, type CSSProperties, type ReactNode } from 'react';
import { Button, Group, TextInput, type StyleProp } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useDebouncedSearch } from './use-debounced-search';

export interface FilterBarSearch {
  /** "Search" unless the screen names it otherwise. */
  label?: string;
  placeholder: string;
  /** The search as the URL holds it (`?q=`), the box's starting text. */
  value: string | undefined;
  /** The trimmed text, once typing pauses; the screen writes it to the URL. */
  onSearch: (value: string) => void;
}

interface FilterBarProps {
  /** The free-text search box, first in the row; left out on screens without one. */
  search?: FilterBarSearch;
  /** Whether any filter is set, which shows "Clear filters". */
  active?: boolean;
  /** Resets the screen's filters; the search box empties itself. */
  onClear?: () => void;
  /** A rule under the bar, where the list below has no header row of its own to separate them. */
  withBorder?: boolean;
  /** The screen's own filter controls (Selects, Switches…), each sized with `filterWidth`. */
  children?: ReactNode;
}

/**
 * The width of one filter control: its own on a wide screen, half the row on a phone, so the
 * controls pair up two to a line at 390 px instead of leaving ragged gaps.
 *
 * @example <Select label="Stage" w={filterWidth(150)} … />
 */
export function filterWidth(px: number): StyleProp<CSSProperties['width']> {
  return { base: 'calc(50% - var(--mantine-spacing-sm) / 2)', xs: px };
}

/**
 * The filter row above a list: an optional debounced search box, the screen's filter controls and
 * "Clear filters" while any is set. It wraps on a narrow screen and stays on one line on a wide one.
 *
 * @example
 * <FilterBar search={{ placeholder: 'Engagement name', value: filters.values.q, onSearch: (q) => setFilter('q', q) }} active={filters.active} onClear={clear}>
 *   <Select label="Kind" w={filterWidth(190)} … />
 * </FilterBar>
 */
export function FilterBar({ search, active = false, onClear, withBorder = false, children }: FilterBarProps) {
  // The box shows every keystroke; the URL (and so the request) follows once typing pauses.
  const [text, setText] = useState(search?.value ?? '');
  const applySearch = useDebouncedSearch((value: string) => search?.onSearch(value.trim()));

  return (
    <Group
      p="md"
      gap="sm"
      align="flex-end"
      wrap="wrap"
      style={withBorder ? { borderBottom: '1px solid var(--mantine-color-gray-3)' } : undefined}
    >
      {search && (
        <TextInput
          label={search.label ?? 'Search'}
          placeholder={search.placeholder}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            applySearch(e.currentTarget.value);
          }}
          style={{ flex: '1 1 220px' }}
        />
      )}
      {children}
      {active && onClear && (
        <Button
          variant="subtle"
          onClick={() => {
            setText('');
            onClear();
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
