import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type Page } from '../../../lib/api-client';
import type { QueryParams } from '../../../lib/query-params';
import type {
  CollateralFacets,
  CollateralItem,
  CollateralItemDetail,
  CollateralSend,
  CollateralVersion,
  CreateCollateralInput,
  MostSent,
  OpportunityCollateral,
  SendCollateralInput,
  UpdateCollateralInput,
  collateralListQuery,
} from '../../../../../src/modules/presales/contract/collateral';
import {
  COLLATERAL_FILE_TYPES,
  COLLATERAL_KINDS,
  COLLATERAL_KIND_LABELS,
  COLLATERAL_SORTS,
} from '../../../../../src/modules/presales/contract/collateral';
import type { UploadArgs } from './upload-args';

// Shapes of the collateral API: src/modules/presales/contract/collateral.ts.
export type {
  CollateralFacets,
  CollateralItem,
  CollateralItemDetail,
  CollateralSend,
  CollateralVersion,
  CreateCollateralInput,
  MostSent,
  OpportunityCollateral,
  SendCollateralInput,
  UpdateCollateralInput,
};
export { COLLATERAL_KINDS, COLLATERAL_KIND_LABELS, COLLATERAL_SORTS };
export type CollateralListParams = QueryParams<typeof collateralListQuery>;

export const KIND_COLORS: Record<CollateralItem['kind'], string> = {
  case_study: 'teal',
  whitepaper: 'indigo',
  solution_guide: 'blue',
  datasheet: 'cyan',
  presentation: 'grape',
  other: 'gray',
};

/** What the file pickers offer: the extensions and types the server accepts. */
export const FILE_ACCEPT = [
  ...Object.keys(COLLATERAL_FILE_TYPES).map((ext) => `.${ext}`),
  ...new Set(Object.values(COLLATERAL_FILE_TYPES)),
].join(',');

/** "PDF", "DOCX"…: a version's format as people name it, from its file name. */
export function formatLabel(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toUpperCase() : 'File';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// Under ['presales'], so whatever changes pre-sales data refreshes every pre-sales screen.
export const collateralKeys = {
  all: ['presales', 'collateral'] as const,
  list: (params: CollateralListParams) => ['presales', 'collateral', 'list', params] as const,
  facets: (status: string) => ['presales', 'collateral', 'facets', status] as const,
  mostSent: (days: number) => ['presales', 'collateral', 'most-sent', days] as const,
  detail: (id: string) => ['presales', 'collateral', 'detail', id] as const,
  sends: (id: string) => ['presales', 'collateral', 'sends', id] as const,
  opportunity: (id: string) => ['presales', 'collateral', 'opportunity', id] as const,
};

export function useCollateralList(params: CollateralListParams, enabled = true) {
  return useQuery({
    queryKey: collateralKeys.list(params),
    queryFn: () => api.get<Page<CollateralItem>>('/api/collateral', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCollateralFacets(status = 'current') {
  return useQuery({
    queryKey: collateralKeys.facets(status),
    queryFn: () => api.get<CollateralFacets>('/api/collateral/facets', { status }),
  });
}

export function useMostSent(days: number) {
  return useQuery({
    queryKey: collateralKeys.mostSent(days),
    queryFn: () => api.get<MostSent>('/api/collateral/most-sent', { days, limit: 5 }),
  });
}

export function useCollateral(id: string | null) {
  return useQuery({
    queryKey: collateralKeys.detail(id ?? ''),
    queryFn: () => api.get<CollateralItemDetail>(`/api/collateral/${id}`),
    enabled: Boolean(id),
  });
}

export function useCollateralSends(id: string | null) {
  return useInfiniteQuery({
    queryKey: collateralKeys.sends(id ?? ''),
    queryFn: ({ pageParam }) => api.get<Page<CollateralSend>>(`/api/collateral/${id}/sends`, { cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(id),
  });
}

export function useOpportunityCollateral(opportunityId: string) {
  return useInfiniteQuery({
    queryKey: collateralKeys.opportunity(opportunityId),
    queryFn: ({ pageParam }) =>
      api.get<OpportunityCollateral>(`/api/opportunities/${opportunityId}/collateral-sends`, { cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * A multipart upload with XMLHttpRequest, which (unlike fetch) reports upload progress; `onProgress`
 * hears the share sent, 0–1. Errors come back in the API's one shape, as ApiError.
 */
function uploadWithProgress<T>(path: string, form: FormData, csrfToken: string, onProgress: (sent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML page: reported below from the status.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(payload as T);
      const error = (payload as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
      reject(
        new ApiError(xhr.status, error?.code ?? 'http.error', error?.message ?? `The server answered ${xhr.status}.`, error?.details ?? {}),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'http.network', 'The upload did not reach the server: check the connection and try again.'));
    xhr.send(form);
  });
}

export function useCreateCollateral() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ metadata, file, csrfToken, onProgress }: UploadArgs & { metadata: CreateCollateralInput }) => {
      const form = new FormData();
      form.append('metadata', JSON.stringify(metadata));
      form.append('file', file);
      return uploadWithProgress<CollateralItemDetail>('/api/collateral', form, csrfToken, onProgress);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: collateralKeys.all }),
  });
}

export function useUploadVersion(itemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ note, file, csrfToken, onProgress }: UploadArgs & { note: string }) => {
      const form = new FormData();
      if (note.trim()) form.append('note', note.trim());
      form.append('file', file);
      return uploadWithProgress<CollateralVersion>(`/api/collateral/${itemId}/versions`, form, csrfToken, onProgress);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: collateralKeys.all }),
  });
}

export function useUpdateCollateral(itemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCollateralInput) => api.patch<CollateralItemDetail>(`/api/collateral/${itemId}`, body),
    onSuccess: (item) => {
      client.setQueryData(collateralKeys.detail(itemId), item);
      return client.invalidateQueries({ queryKey: collateralKeys.all });
    },
  });
}

export function useSendCollateral(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SendCollateralInput) => api.post<CollateralSend>(`/api/opportunities/${opportunityId}/collateral-sends`, body),
    // The deal's activity and the account's timeline gained an e-mail too.
    onSuccess: (send) =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['presales'] }),
        client.invalidateQueries({ queryKey: ['accounts', 'interactions', send.opportunity.accountId] }),
      ]),
  });
}

/** Deletes a send recorded by mistake (the e-mail it logged stays on the account's timeline). */
export function useDeleteSend(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sendId: string) => api.delete(`/api/opportunities/${opportunityId}/collateral-sends/${sendId}`),
    // Counts, histories and the deal's tab all sit under ['presales'].
    onSuccess: () => client.invalidateQueries({ queryKey: ['presales'] }),
  });
}
