import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';
import type { Segment } from '../../accounts/labels';
import type { Ticket } from '../../support/api';

// Hand-mirrored from src/modules/delivery/environments/schemas.ts.

export const HOSTING_KINDS = ['cloud', 'on_premises', 'hybrid'] as const;
export type Hosting = (typeof HOSTING_KINDS)[number];
export const HOSTING_LABELS: Record<Hosting, string> = { cloud: 'Cloud', on_premises: 'On-premises', hybrid: 'Hybrid' };

export const UPGRADE_STATES = ['scheduled', 'in_progress', 'done', 'failed', 'rolled_back'] as const;
export type UpgradeState = (typeof UPGRADE_STATES)[number];
export const STATE_LABELS: Record<UpgradeState, string> = { scheduled: 'Scheduled', in_progress: 'In progress', done: 'Done', failed: 'Failed', rolled_back: 'Rolled back' };
export const STATE_COLORS: Record<UpgradeState, string> = { scheduled: 'gray', in_progress: 'blue', done: 'teal', failed: 'red', rolled_back: 'orange' };
/** Where an upgrade may go next (the server's UPGRADE_TRANSITIONS). */
export const TRANSITIONS: Record<UpgradeState, UpgradeState[]> = {
  scheduled: ['in_progress', 'done', 'failed'],
  in_progress: ['scheduled', 'done', 'failed', 'rolled_back'],
  failed: ['scheduled', 'in_progress', 'done', 'rolled_back'],
  done: ['rolled_back'],
  rolled_back: ['scheduled', 'in_progress'],
};

export type CampaignStatus = 'active' | 'completed' | 'cancelled';

/** Versions behind: 0 green, 1–2 yellow, 3 or more red. */
export function behindColor(behind: number): string {
  return behind === 0 ? 'teal' : behind <= 2 ? 'yellow' : 'red';
}

export interface Release {
  id: string;
  product: string;
  version: string;
  releasedOn: string;
  notes: string;
  supported: boolean;
  latest: boolean;
  environmentCount: number;
}

export interface EnvironmentSummary {
  id: string;
  account: { id: string; name: string; segment: Segment };
  name: string;
  product: string;
  version: string;
  hosting: Hosting;
  region: string | null;
  status: 'active' | 'decommissioned';
  latestVersion: string | null;
  versionsBehind: number;
  versionSupported: boolean;
  lastUpgradedAt: string | null;
  configVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface Customisation {
  id: string;
  title: string;
  reason: string | null;
  owner: { id: string; name: string } | null;
  repositoryUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Environment extends EnvironmentSummary {
  configuration: Record<string, unknown>;
  contacts: { id: string; name: string; email: string; title: string | null }[];
  customisations: Customisation[];
  campaigns: { id: string; name: string; targetVersion: string; campaignStatus: CampaignStatus; state: UpgradeState; fromVersion: string; ticketId: string | null; updatedAt: string }[];
  createdBy: { id: string; name: string } | null;
}

export interface ConfigChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

export interface ConfigVersion {
  version: number;
  configuration: Record<string, unknown>;
  note: string | null;
  changedBy: { id: string; name: string } | null;
  changedAt: string;
  changes: ConfigChange[];
}

export interface Matrix {
  products: string[];
  product: string | null;
  releases: Release[];
  /** A page of accounts, by name; the totals cover every page. */
  rows: { account: EnvironmentSummary['account']; environments: EnvironmentSummary[] }[];
  nextCursor: string | null;
  totals: { accounts: number; environments: number; current: number; slightlyBehind: number; farBehind: number; byVersion: Record<string, number> };
}

export interface MatrixFilters {
  product?: string;
  segments?: string;
  hosting?: string;
  name?: string;
  minBehind?: number;
  cursor?: string;
  limit?: number;
}

export interface Progress {
  total: number;
  byState: Record<UpgradeState, number>;
  percentDone: number;
}

export interface MaintenanceWindow {
  id: string;
  startsAt: string;
  endsAt: string;
  note: string | null;
}

export interface CampaignSummary {
  id: string;
  name: string;
  product: string;
  targetVersion: string;
  status: CampaignStatus;
  description: string | null;
  owner: { id: string; name: string } | null;
  filters: { segments?: string[]; hosting?: string[]; names?: string[]; accountIds?: string[]; belowTarget?: boolean };
  windows: MaintenanceWindow[];
  progress: Progress;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignEntry {
  environment: EnvironmentSummary;
  state: UpgradeState;
  fromVersion: string;
  note: string | null;
  ticket: { id: string; number: number; subject: string; status: string } | null;
  updatedBy: { id: string; name: string } | null;
  updatedAt: string;
  history: { fromState: UpgradeState | null; toState: UpgradeState; note: string | null; ticketId: string | null; actor: { id: string; name: string } | null; at: string }[];
}

export interface Campaign extends CampaignSummary {
  entries: CampaignEntry[];
}

export interface ScopeFilters {
  segments?: string[];
  hosting?: string[];
  names?: string[];
  accountIds?: string[];
  belowTarget: boolean;
}

export interface CampaignInput {
  name: string;
  product: string;
  targetVersion: string;
  ownerId?: string | null;
  description?: string | null;
  filters: ScopeFilters;
  windows: { startsAt: string; endsAt: string; note?: string | null }[];
}

export interface EnvironmentInput {
  name: string;
  product: string;
  version: string;
  hosting: Hosting;
  region?: string | null;
  configuration?: string;
  contactIds: string[];
}

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
  return useQuery({ queryKey: envKeys.releases(product), queryFn: () => api.get<{ items: Release[] }>('/api/releases', { product }).then((r) => r.items) });
}

/** Products in the catalogue, alphabetically. */
export function useProducts() {
  const releases = useReleases();
  return { ...releases, products: [...new Set((releases.data ?? []).map((r) => r.product))] };
}

export function useCreateRelease() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { product: string; version: string; releasedOn: string; notes: string; supported: boolean }) => api.post<Release>('/api/releases', body),
    onSuccess: () => client.invalidateQueries({ queryKey: envKeys.all }),
  });
}

export function useUpdateRelease() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; releasedOn?: string; notes?: string; supported?: boolean }) => api.patch<Release>(`/api/releases/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: envKeys.all }),
  });
}

export function useMatrix(filters: MatrixFilters) {
  return useQuery({ queryKey: envKeys.matrix(filters), queryFn: () => api.get<Matrix>('/api/environment-matrix', { ...filters }), placeholderData: keepPreviousData });
}

export function useAccountEnvironments(accountId: string) {
  return useQuery({ queryKey: envKeys.account(accountId), queryFn: () => api.get<{ items: EnvironmentSummary[] }>(`/api/accounts/${accountId}/environments`).then((r) => r.items) });
}

export function useEnvironment(id: string) {
  return useQuery({ queryKey: envKeys.detail(id), queryFn: () => api.get<Environment>(`/api/environments/${id}`) });
}

export function useConfigHistory(id: string) {
  return useQuery({ queryKey: envKeys.history(id), queryFn: () => api.get<{ items: ConfigVersion[] }>(`/api/environments/${id}/configuration-history`).then((r) => r.items) });
}

export function useEnvironmentTickets(id: string, enabled = true) {
  return useQuery({ queryKey: envKeys.tickets(id), queryFn: () => api.get<{ items: Ticket[] }>(`/api/environments/${id}/tickets`).then((r) => r.items), enabled });
}

export function useCreateEnvironment(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EnvironmentInput) => api.post<Environment>(`/api/accounts/${accountId}/environments`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: envKeys.all }),
  });
}

export function useUpdateEnvironment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<{ name: string; version: string; hosting: Hosting; region: string | null; status: 'active' | 'decommissioned'; contactIds: string[] }>) =>
      api.patch<Environment>(`/api/environments/${id}`, body),
    onSuccess: (env) => {
      client.setQueryData(envKeys.detail(id), env);
      return client.invalidateQueries({ queryKey: envKeys.all });
    },
  });
}

export function useSaveConfiguration(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { configuration: string; note?: string }) => api.put<Environment>(`/api/environments/${id}/configuration`, body),
    onSuccess: (env) => {
      client.setQueryData(envKeys.detail(id), env);
      return client.invalidateQueries({ queryKey: envKeys.history(id) });
    },
  });
}

export function useCustomisationMutations(environmentId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: envKeys.detail(environmentId) });
  type Body = { title: string; reason: string | null; ownerId: string | null; repositoryUrl: string | null };
  return {
    add: useMutation({ mutationFn: (body: Body) => api.post<Customisation>(`/api/environments/${environmentId}/customisations`, body), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, ...body }: Partial<Body> & { id: string }) => api.patch<Customisation>(`/api/environments/${environmentId}/customisations/${id}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`/api/environments/${environmentId}/customisations/${id}`), onSuccess: refresh }),
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
    queryFn: () => api.get<{ count: number; environments: EnvironmentSummary[] }>('/api/campaigns/scope-preview', params),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignInput) => api.post<Campaign>('/api/campaigns', body),
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
    update: useMutation({ mutationFn: (body: Partial<{ name: string; description: string | null; ownerId: string | null; status: CampaignStatus }>) => api.patch<Campaign>(`/api/campaigns/${id}`, body), onSuccess: store }),
    windows: useMutation({ mutationFn: (windows: { startsAt: string; endsAt: string; note?: string | null }[]) => api.put<Campaign>(`/api/campaigns/${id}/windows`, { windows }), onSuccess: store }),
    add: useMutation({ mutationFn: (body: { deploymentIds?: string[]; filters?: ScopeFilters }) => api.post<Campaign & { added: number }>(`/api/campaigns/${id}/environments`, body), onSuccess: store }),
    state: useMutation({
      mutationFn: ({ deploymentId, state, note }: { deploymentId: string; state: UpgradeState; note?: string | null }) =>
        api.post<Campaign>(`/api/campaigns/${id}/environments/${deploymentId}/state`, { state, ...(note ? { note } : {}) }),
      onSuccess: store,
    }),
  };
}
