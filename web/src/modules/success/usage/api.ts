import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, ApiError } from '../../../lib/api-client';
import type { Adoption, UsageImportResult, UsageSettings, usageSettingsBody } from '../../../../../src/modules/success/contract/usage';

// Shapes of the usage API: src/modules/success/contract/usage.ts.
export type { Adoption, UsageImportResult, UsageSettings };
export type UsageSettingsInput = z.input<typeof usageSettingsBody>;

export const usageKeys = {
  adoption: (id: string) => ['success', 'usage', 'adoption', id] as const,
  settings: (id: string) => ['success', 'usage', 'settings', id] as const,
};
// The account's health card reads adoption too (src/modules/success/health/api.ts: healthKeys.account).
const healthOf = (id: string) => ['success', 'health', 'account', id] as const;

export function useAdoption(accountId: string) {
  return useQuery({
    queryKey: usageKeys.adoption(accountId),
    queryFn: () => api.get<Adoption>(`/api/accounts/${accountId}/adoption`, { days: 90 }),
  });
}

export function useUsageSettings(accountId: string, enabled = true) {
  return useQuery({
    queryKey: usageKeys.settings(accountId),
    queryFn: () => api.get<UsageSettings>(`/api/accounts/${accountId}/usage-settings`),
    enabled,
  });
}

function refreshAccount(client: ReturnType<typeof useQueryClient>, accountId: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: usageKeys.adoption(accountId) }),
    client.invalidateQueries({ queryKey: healthOf(accountId) }),
  ]);
}

export function useSaveUsageSettings(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UsageSettingsInput) => api.put<UsageSettings>(`/api/accounts/${accountId}/usage-settings`, body),
    onSuccess: (settings) => {
      client.setQueryData(usageKeys.settings(accountId), settings);
      return refreshAccount(client, accountId);
    },
  });
}

/**
 * Uploads a usage file with XMLHttpRequest, which (unlike fetch) reports upload progress;
 * `onProgress` hears the share sent, 0–1. The server then checks and stores the rows in batches.
 */
export function uploadUsageFile(file: File, csrfToken: string, onProgress: (sent: number) => void): Promise<UsageImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/usage/import');
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
      if (xhr.status === 200) return resolve(payload as UsageImportResult);
      const error = (payload as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
      reject(
        new ApiError(xhr.status, error?.code ?? 'http.error', error?.message ?? `The server answered ${xhr.status}.`, error?.details ?? {}),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'http.network', 'The upload did not reach the server: check the connection and try again.'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export function useImportUsage(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { file: File; csrfToken: string; onProgress: (sent: number) => void }) =>
      uploadUsageFile(args.file, args.csrfToken, args.onProgress),
    // A file may name many accounts; this card's figures are the ones on screen.
    onSuccess: () => refreshAccount(client, accountId),
  });
}
