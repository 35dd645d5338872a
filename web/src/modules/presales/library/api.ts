import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api-client';
import type { QueryParams } from '../../../lib/query-params';
import type {
  CreateLibraryEntryInput,
  LibraryEntry,
  LibraryFacets,
  LibraryImportReport,
  LibraryList,
  ReviewLibraryEntryInput,
  ReviewQueue,
  UpdateLibraryEntryInput,
  libraryListQuery,
  reviewQueueQuery,
} from '../../../../../src/modules/presales/contract/library';
import {
  LIBRARY_ENTRY_STATUSES,
  LIBRARY_SHORT_ANSWERS,
  LIBRARY_SHORT_ANSWER_LABELS,
  LIBRARY_STATUS_LABELS,
} from '../../../../../src/modules/presales/contract/library';

// Shapes of the answer library API: src/modules/presales/contract/library.ts.
export type {
  CreateLibraryEntryInput,
  LibraryEntry,
  LibraryFacets,
  LibraryImportReport,
  LibraryList,
  ReviewQueue,
  UpdateLibraryEntryInput,
};
export { LIBRARY_ENTRY_STATUSES, LIBRARY_SHORT_ANSWERS, LIBRARY_SHORT_ANSWER_LABELS, LIBRARY_STATUS_LABELS };
export type LibraryListParams = QueryParams<typeof libraryListQuery>;
export type ReviewQueueParams = QueryParams<typeof reviewQueueQuery>;
export type ShortAnswer = (typeof LIBRARY_SHORT_ANSWERS)[number];

export const LIBRARY_STATUS_COLORS: Record<LibraryEntry['status'], string> = { draft: 'gray', approved: 'teal', archived: 'dark' };
export const SHORT_ANSWER_COLORS: Record<ShortAnswer, string> = { yes: 'teal', no: 'red', n_a: 'gray' };

// Under ['presales', 'library']: the questionnaire workspace's "add to library" refreshes these too.
export const libraryKeys = {
  all: ['presales', 'library'] as const,
  list: (params: LibraryListParams) => ['presales', 'library', 'list', params] as const,
  entry: (id: string) => ['presales', 'library', 'entry', id] as const,
  queue: (params: ReviewQueueParams) => ['presales', 'library', 'queue', params] as const,
  facets: ['presales', 'library', 'facets'] as const,
};

export function useLibraryEntries(params: LibraryListParams) {
  return useQuery({
    queryKey: libraryKeys.list(params),
    queryFn: () => api.get<LibraryList>('/api/library/entries', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useLibraryEntry(id: string | null) {
  return useQuery({
    queryKey: libraryKeys.entry(id ?? ''),
    queryFn: () => api.get<LibraryEntry>(`/api/library/entries/${id}`),
    enabled: Boolean(id),
  });
}

export function useReviewQueue(params: ReviewQueueParams) {
  return useQuery({
    queryKey: libraryKeys.queue(params),
    queryFn: () => api.get<ReviewQueue>('/api/library/review-queue', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useLibraryFacets() {
  return useQuery({ queryKey: libraryKeys.facets, queryFn: () => api.get<LibraryFacets>('/api/library/facets') });
}

/** Every library write refreshes every library view (list, queue, facets, the open entry). */
function useLibraryMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all }) });
}

export const useCreateEntry = () =>
  useLibraryMutation((body: CreateLibraryEntryInput) => api.post<LibraryEntry>('/api/library/entries', body));
export const useUpdateEntry = () =>
  useLibraryMutation(({ id, ...body }: UpdateLibraryEntryInput & { id: string }) =>
    api.patch<LibraryEntry>(`/api/library/entries/${id}`, body),
  );
export const useReviewEntry = () =>
  useLibraryMutation(({ id, ...body }: ReviewLibraryEntryInput & { id: string }) =>
    api.post<LibraryEntry>(`/api/library/entries/${id}/review`, body),
  );
export const useEntryAction = () =>
  useLibraryMutation(({ id, action }: { id: string; action: 'approve' | 'archive' | 'restore' }) =>
    api.post<LibraryEntry>(`/api/library/entries/${id}/${action}`),
  );
export const useDeleteEntry = () => useLibraryMutation((id: string) => api.delete(`/api/library/entries/${id}`));
export const useAddVariant = () =>
  useLibraryMutation(({ id, text }: { id: string; text: string }) =>
    api.post<LibraryEntry>(`/api/library/entries/${id}/variants`, { text }),
  );
export const useRemoveVariant = () =>
  useLibraryMutation(({ id, variantId }: { id: string; variantId: string }) =>
    api.delete<LibraryEntry>(`/api/library/entries/${id}/variants/${variantId}`),
  );

/** Sends the import file with the upload's progress (a 5,000-row workbook takes a moment). */
function uploadLibraryFile(
  file: File,
  fields: { status: 'draft' | 'approved'; sheet?: string },
  csrfToken: string,
  onProgress: (sent: number) => void,
): Promise<LibraryImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/library/import');
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
      if (xhr.status === 200) return resolve(payload as LibraryImportReport);
      const error = (payload as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
      reject(
        new ApiError(xhr.status, error?.code ?? 'http.error', error?.message ?? `The server answered ${xhr.status}.`, error?.details ?? {}),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'http.network', 'The upload did not reach the server: check the connection and try again.'));
    const form = new FormData();
    form.append('status', fields.status);
    if (fields.sheet) form.append('sheet', fields.sheet);
    form.append('file', file);
    xhr.send(form);
  });
}

export function useImportLibrary() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: {
      file: File;
      status: 'draft' | 'approved';
      sheet?: string;
      csrfToken: string;
      onProgress: (sent: number) => void;
    }) =>
      uploadLibraryFile(args.file, { status: args.status, ...(args.sheet ? { sheet: args.sheet } : {}) }, args.csrfToken, args.onProgress),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}
