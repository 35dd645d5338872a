import { useState, type ReactNode } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useAccounts } from '../../accounts/api';

interface Props {
  value?: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  /** The account's name when the form starts with one chosen (it may not be in the first page of results). */
  initialLabel?: string;
}

/** Searches accounts by name or domain on the server as the user types. */
export function AccountSelect({ value, onChange, error, initialLabel }: Props) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const accounts = useAccounts({ q: query || undefined, limit: 20, sort: 'name' });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(
    value && initialLabel ? { value, label: initialLabel } : null,
  );
  const data = (accounts.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  // Keep the chosen account listed even when the current search no longer returns it.
  if (chosen && !data.some((d) => d.value === chosen.value)) data.unshift(chosen);
  return (
    <Select
      label="Account"
      placeholder="Search accounts"
      searchable
      withAsterisk
      data={data}
      value={value ?? null}
      error={error}
      onChange={(id, option) => {
        setChosen(id ? option : null);
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: list }) => list}
      nothingFoundMessage={accounts.isFetching ? 'Searching…' : 'No account matches'}
    />
  );
}
