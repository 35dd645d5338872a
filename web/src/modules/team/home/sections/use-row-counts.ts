import { useCallback, useState } from 'react';

/**
 * Sums figures that rows load on their own (one request per deal): each row reports its figure
 * under its key, and the section's count is the sum once every row has reported.
 */
export function useRowCounts(keys: string[]) {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const report = useCallback((key: string, value: number) => {
    setCounts((current) => (current[key] === value ? current : { ...current, [key]: value }));
  }, []);
  const complete = keys.every((k) => k in counts);
  const total = keys.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  return { report, total: complete ? total : undefined };
}
