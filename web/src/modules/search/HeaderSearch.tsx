import { useEffect, useState } from 'react';
import { TextInput } from '@mantine/core';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { IconSearch } from '@tabler/icons-react';

/** The shell's search box: Enter opens the results page; on that page it shows the current query. */
export function HeaderSearch() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const current = pathname === '/search' ? (params.get('q') ?? '') : '';
  const [value, setValue] = useState(current);
  useEffect(() => setValue(current), [current]);

  return (
    <form
      role="search"
      aria-label="Everything"
      onSubmit={(e) => {
        e.preventDefault();
        const q = value.trim();
        if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
      }}
      style={{ flex: 1, maxWidth: 460 }}
    >
      <TextInput
        aria-label="Find tickets, accounts and articles"
        placeholder="Search tickets, accounts, articles…"
        leftSection={<IconSearch size={16} />}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        radius="md"
        variant="filled"
        maxLength={200}
      />
    </form>
  );
}
