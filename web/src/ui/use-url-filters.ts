import { useSearchParams } from 'react-router-dom';

/**
 * A list screen's filters and page kept in the query string, so a view can be bookmarked and
 * shared. `keys` are the filters; the cursor and anything else (a sort) are read with `get`.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? undefined;

  /** Sets or removes (empty value) several parameters in one history entry. */
  const update = (changes: Record<string, string | undefined | null>) =>
    setParams(
      () => {
        // The router hands the functional form this render's params; two quick changes before a
        // re-render would lose the first, so the address bar is the starting point.
        const next = new URLSearchParams(window.location.search);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  return {
    get,
    update,
    values: Object.fromEntries(keys.map((k) => [k, get(k)])) as Record<K, string | undefined>,
    cursor: get('cursor'),
    /** A changed filter starts again from the first page. */
    setFilter: (key: K, value: string | null | undefined) => update({ [key]: value, cursor: null }),
    setCursor: (cursor: string | undefined) => update({ cursor }),
    clear: () => setParams(new URLSearchParams(), { replace: true }),
    active: keys.some((k) => params.has(k)),
  };
}
