import { useSearchParams } from 'react-router-dom';

type ParamChanges = Record<string, string | undefined | null>;

/**
 * Sets or removes (empty value) several query-string parameters in one history entry.
 *
 * React Router hands its functional form this render's params, so two quick changes before a
 * re-render would lose the first (a cleared filter came back in CI). The address bar is the
 * starting point instead. Every screen that writes its query string goes through here.
 */
export function useSearchParamsUpdate() {
  const [, setParams] = useSearchParams();
  return (changes: ParamChanges, options: { replace?: boolean } = {}) =>
    setParams(
      () => {
        const next = new URLSearchParams(window.location.search);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: options.replace ?? true },
    );
}

/**
 * A list screen's filters and page kept in the query string, so a view can be bookmarked and
 * shared. `keys` are the filters; the cursor and anything else (a sort) are read with `get`.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const update = useSearchParamsUpdate();
  const get = (key: string) => params.get(key) ?? undefined;

  return {
    get,
    update: (changes: ParamChanges) => update(changes),
    values: Object.fromEntries(keys.map((k) => [k, get(k)])) as Record<K, string | undefined>,
    cursor: get('cursor'),
    /** A changed filter starts again from the first page. */
    setFilter: (key: K, value: string | null | undefined) => update({ [key]: value, cursor: null }),
    setCursor: (cursor: string | undefined) => update({ cursor }),
    clear: () => setParams(new URLSearchParams(), { replace: true }),
    active: keys.some((k) => params.has(k)),
  };
}
