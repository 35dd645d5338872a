import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  addEnvironmentsBody,
  campaignAddedSchema,
  campaignEntrySchema,
  campaignSchema,
  campaignSummarySchema,
  configChangeSchema,
  configurationBody,
  configVersionSchema,
  createCampaignBody,
  createEnvironmentBody,
  createReleaseBody,
  customisationBody,
  customisationSchema,
  environmentPageQuery,
  environmentSchema,
  environmentSummarySchema,
  matrixSchema,
  progressSchema,
  releaseSchema,
  scopePreviewSchema,
  stateChangeBody,
  updateCampaignBody,
  updateCustomisationBody,
  updateEnvironmentBody,
  updateReleaseBody,
  windowsBody,
} from '../../../../../src/modules/delivery/contract/environments';
import { UPGRADE_TRANSITIONS, type Hosting, type UpgradeState } from '../../../../../src/modules/delivery/contract/kinds';
import { api, type Page } from '../../../lib/api-client';
import type { Ticket } from '../../support/api';

// The shapes come from the server's contract (src/modules/delivery/contract/environments.ts):
// responses as the server sends them (z.infer), request bodies as it accepts them (z.input).

export { HOSTING_KINDS, UPGRADE_STATES } from '../../../../../src/modules/delivery/contract/kinds';
export type { CampaignStatus, Hosting, UpgradeState } from '../../../../../src/modules/delivery/contract/kinds';

export const HOSTING_LABELS: Record<Hosting, string> = { cloud: 'Cloud', on_premises: 'On-premises', hybrid: 'Hybrid' };
export const STATE_LABELS: Record<UpgradeState, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  done: 'Done',
  failed: 'Failed',
  rolled_back: 'Rolled back',
};
export const STATE_COLORS: Record<UpgradeState, string> = {
  scheduled: 'gray',
  in_progress: 'blue',
  done: 'teal',
  failed: 'red',
  rolled_back: 'orange',
};
/** Where an upgrade may go next (the server enforces the same moves). */
export const TRANSITIONS = UPGRADE_TRANSITIONS;

/** Versions behind: 0 green, 1–2 yellow, 3 or more red. */
export function behindColor(behind: number): string {
  return behind === 0 ? 'teal' : behind <= 2 ? 'yellow' : 'red';
}

export type Release = z.infer<typeof releaseSchema>;
export type EnvironmentSummary = z.infer<typeof environmentSummarySchema>;
export type Environment = z.infer<typeof environmentSchema>;
type Customisation = z.infer<typeof customisationSchema>;
export type ConfigChange = z.infer<typeof configChangeSchema>;
type ConfigVersion = z.infer<typeof configVersionSchema>;
type Matrix = z.infer<typeof matrixSchema>;
export type Progress = z.infer<typeof progressSchema>;
type CampaignSummary = z.infer<typeof campaignSummarySchema>;
export type CampaignEntry = z.infer<typeof campaignEntrySchema>;
export type Campaign = z.infer<typeof campaignSchema>;

/** A list's query as the browser sends it: the contract's parameters, each as URL text. */
type QueryOf<S extends z.ZodType> = { [K in keyof z.input<S>]?: string | number };
export type MatrixFilters = QueryOf<typeof environmentPageQuery>;

export const envKeys = {
  all: ['environments'] as const,
  releases: (product?: string) => ['environments', 'releases', product ?? ''] as const,
  matrix: (filters: MatrixFilters) => ['environments', 'matrix', filters] as const,
  account: (accountId: string) => ['environments', 'account', accountId] as const,
  detail: (id: string) => ['environments', 'detail', id] as const,
  history: (id: string) => ['environments', 'history', id] as const,
  tickets: (id: string) => ['environments', 'tickets', id] as const,
  campaigns: (status?: string) => ['environments', 'campaigns', status ?? ''] as const,
  campaign: (id: string) => ['environments', 'campaign', id] as const,
  preview: (params: Record<string, string>) => ['environments', 'preview', params] as const,
};

export function useReleases(product?: string) {
  return useQuery({
    queryKey: envKeys.releases(product),
    queryFn: () => api.get<{ items: Release[] }>('/api/releases', { product }).then((r) => r.items),
  });
}

/** Products in the catalogue, alphabetically. */
export function useProducts() {
  const releases = useReleases();
  return { ...releases, products: [...new Set((releases.data ?? []).map((r) => r.product))] };
}

export function useCreateRelease() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createReleaseBody>) => api.post<Release>('/api/releases', body),
    onSuccess: () => client.invalidateQueries({ queryKey: envKeys.all }),
  });
}

export function useUpdateRelease() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof updateReleaseBody> & { id: string }) => api.patch<Release>(`/api/releases/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: envKeys.all }),
  });
}

export function useMatrix(filters: MatrixFilters) {
  return useQuery({
    queryKey: envKeys.matrix(filters),
    queryFn: () => api.get<Matrix>('/api/environment-matrix', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useAccountEnvironments(accountId: string) {
  return useQuery({
    queryKey: envKeys.account(accountId),
    queryFn: () => api.get<{ items: EnvironmentSummary[] }>(`/api/accounts/${accountId}/environments`).then((r) => r.items),
  });
}

export function useEnvironment(id: string) {
  return useQuery({ queryKey: envKeys.detail(id), queryFn: () => api.get<Environment>(`/api/environments/${id}`) });
}

export function useConfigHistory(id: string) {
  return useQuery({
    queryKey: envKeys.history(id),
    queryFn: () => api.get<{ items: ConfigVersion[] }>(`/api/environments/${id}/configuration-history`).then((r) => r.items),
  });
}

export function useEnvironmentTickets(id: string, enabled = true) {
  return useQuery({
    queryKey: envKeys.tickets(id),
    queryFn: () => api.get<{ items: Ticket[] }>(`/api/environments/${id}/tickets`).then((r) => r.items),
    enabled,
  });
}

export function useCreateEnvironment(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createEnvironmentBody>) => api.post<Environment>(`/api/accounts/${accountId}/environments`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: envKeys.all }),
  });
}

export function useUpdateEnvironment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof updateEnvironmentBody>) => api.patch<Environment>(`/api/environments/${id}`, body),
    onSuccess: (env) => {
      client.setQueryData(envKeys.detail(id), env);
      return client.invalidateQueries({ queryKey: envKeys.all });
    },
  });
}

export function useSaveConfiguration(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof configurationBody>) => api.put<Environment>(`/api/environments/${id}/configuration`, body),
    onSuccess: (env) => {
      client.setQueryData(envKeys.detail(id), env);
      return client.invalidateQueries({ queryKey: envKeys.history(id) });
    },
  });
}

export function useCustomisationMutations(environmentId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: envKeys.detail(environmentId) });
  return {
    add: useMutation({
      mutationFn: (body: z.input<typeof customisationBody>) =>
        api.post<Customisation>(`/api/environments/${environmentId}/customisations`, body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: z.input<typeof updateCustomisationBody> & { id: string }) =>
        api.patch<Customisation>(`/api/environments/${environmentId}/customisations/${id}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(`/api/environments/${environmentId}/customisations/${id}`),
      onSuccess: refresh,
    }),
  };
}

export function useCampaigns(status?: string) {
  return useInfiniteQuery({
    queryKey: envKeys.campaigns(status),
    queryFn: ({ pageParam }) => api.get<Page<CampaignSummary>>('/api/campaigns', { status, cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: envKeys.campaign(id), queryFn: () => api.get<Campaign>(`/api/campaigns/${id}`) });
}

export function useScopePreview(params: Record<string, string>, enabled: boolean) {
  return useQuery({
    queryKey: envKeys.preview(params),
    queryFn: () => api.get<z.infer<typeof scopePreviewSchema>>('/api/campaigns/scope-preview', params),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createCampaignBody>) => api.post<Campaign>('/api/campaigns', body),
    onSuccess: () => client.invalidateQueries({ queryKey: envKeys.all }),
  });
}

export function useCampaignMutations(id: string) {
  const client = useQueryClient();
  const store = (campaign: Campaign) => {
    client.setQueryData(envKeys.campaign(id), campaign);
    // Versions, versions behind and tickets change with an upgrade's state.
    void client.invalidateQueries({ queryKey: envKeys.all, predicate: (q) => q.queryKey[1] !== 'campaign' });
    void client.invalidateQueries({ queryKey: ['tickets'] });
  };
  return {
    update: useMutation({
      mutationFn: (body: z.input<typeof updateCampaignBody>) => api.patch<Campaign>(`/api/campaigns/${id}`, body),
      onSuccess: store,
    }),
    windows: useMutation({
      mutationFn: (windows: z.input<typeof windowsBody>['windows']) => api.put<Campaign>(`/api/campaigns/${id}/windows`, { windows }),
      onSuccess: store,
    }),
    add: useMutation({
      mutationFn: (body: z.input<typeof addEnvironmentsBody>) =>
        api.post<z.infer<typeof campaignAddedSchema>>(`/api/campaigns/${id}/environments`, body),
      onSuccess: store,
    }),
    state: useMutation({
      mutationFn: ({ deploymentId, state, note }: z.input<typeof stateChangeBody> & { deploymentId: string }) =>
        api.post<Campaign>(`/api/campaigns/${id}/environments/${deploymentId}/state`, { state, ...(note ? { note } : {}) }),
      onSuccess: store,
    }),
  };
}
