import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { accountKeys, useAccounts, type Account } from '../accounts/api';

/** Narrows search to one account; accounts are looked up on the server as the user types. */
export function AccountFilter({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const accounts = useAccounts({ q: query || undefined, limit: 20, sort: 'name' });
  const chosen = useQuery({
    queryKey: accountKeys.detail(value ?? ''),
    queryFn: () => api.get<Account>(`/api/accounts/${value}`),
    enabled: Boolean(value),
  });
  const data = (accounts.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  // The chosen account stays listed (and named) even when the typed search no longer returns it.
  if (value && chosen.data && !data.some((d) => d.value === value)) data.unshift({ value, label: chosen.data.name });
  return (
    <Select
      aria-label="Account"
      placeholder="Any account"
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={accounts.isFetching ? 'Searching…' : 'No account matches'}
      w={240}
    />
  );
}
