import { useQuery } from '@tanstack/react-query';
import type { ImportRunDetail, ImportRunList } from '../../../../src/modules/zendesk/contract/import-runs';
import { api } from '../../lib/api-client';

/** The importer's runs, typed from the server's contract (src/modules/zendesk/contract/import-runs.ts). */
export type ImportRun = ImportRunList['items'][number];
export type { ImportRunDetail };

export function useImportRuns() {
  // A run in progress moves on every few seconds: the list follows it while it runs.
  return useQuery({
    queryKey: ['import-runs'],
    queryFn: () => api.get<ImportRunList>('/api/imports').then((r) => r.items),
    refetchInterval: (query) => (query.state.data?.some((r) => r.status === 'running') ? 5_000 : false),
  });
}

export function useImportRun(id: string | null) {
  return useQuery({
    queryKey: ['import-runs', id],
    queryFn: () => api.get<ImportRunDetail>(`/api/imports/${id}`),
    enabled: !!id,
  });
}
