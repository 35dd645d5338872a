import { forwardRef, useState, type ReactNode } from 'react';
import { Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useFeatureRequests } from './api';
import { statusLabel } from './labels';

interface Props {
  label?: string;
  placeholder?: string;
  value: string | null;
  onChange: (id: string | null, title: string | null) => void;
  /** Left out of the options (the request being merged, say). */
  excludeId?: string;
  error?: ReactNode;
  description?: ReactNode;
}

/** Searches feature requests by title on the server as the user types. */
export const RequestSelect = forwardRef<HTMLInputElement, Props>(function RequestSelect(
  { label = 'Feature request', placeholder = 'Search requests', value, onChange, excludeId, error, description },
  ref,
) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  // While a request is chosen the box shows its title; searching for that title would hide the rest.
  const [query] = useDebouncedValue(chosen && search === chosen.label ? '' : search, 250);
  const requests = useFeatureRequests({ q: query || undefined, sort: 'score', limit: 20 });
  const data = (requests.data?.items ?? []).filter((r) => r.id !== excludeId).map((r) => ({ value: r.id, label: r.title }));
  const details = new Map((requests.data?.items ?? []).map((r) => [r.id, `${statusLabel(r.status)} · ${r.customerCount} customers`]));
  // Keep the chosen request listed even when the current search no longer returns it.
  if (chosen && !data.some((d) => d.value === chosen.value)) data.unshift(chosen);
  return (
    <Select
      ref={ref}
      label={label}
      placeholder={placeholder}
      description={description}
      error={error}
      searchable
      clearable
      data={data}
      renderOption={({ option }) => (
        <div>
          <Text size="sm">{option.label}</Text>
          {details.has(option.value) && (
            <Text size="xs" c="dimmed">
              {details.get(option.value)}
            </Text>
          )}
        </div>
      )}
      value={value}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id, option?.label ?? null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={requests.isFetching ? 'Searching…' : 'No request matches'}
      comboboxProps={{ withinPortal: true }}
    />
  );
});
