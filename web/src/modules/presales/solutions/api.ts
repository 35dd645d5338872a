import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AcceptSowInput,
  CreateDesignInput,
  CreateRateCardRoleInput,
  CreateRequirementInput,
  CreateSowInput,
  DesignDiff,
  DesignList,
  DesignVersion,
  FitSummary,
  ImportMapping,
  ImportPreview,
  ImportReport,
  RateCardRole,
  Requirement,
  RequirementFit,
  RequirementList,
  RequirementListQuery,
  RequirementPriority,
  SaveDesignVersionInput,
  SolutionDesign,
  SowStatus,
  StatementOfWork,
  UpdateRateCardRoleInput,
  UpdateRequirementInput,
  UpdateSowInput,
  bulkFitResultSchema,
  requirementWriteSchema,
} from '../../../../../src/modules/presales/contract/solutions';
import {
  FIT_LABELS,
  IMPORT_FIELDS,
  PRIORITY_LABELS,
  REQUIREMENT_FITS,
  REQUIREMENT_PRIORITIES,
  SOW_ENGAGEMENT_KINDS,
  SOW_STATUS_LABELS,
} from '../../../../../src/modules/presales/contract/solutions';
import { api } from '../../../lib/api-client';

// Shapes of the solutions API: src/modules/presales/contract/solutions.ts.
export type {
  AcceptSowInput,
  CreateDesignInput,
  CreateRateCardRoleInput,
  CreateRequirementInput,
  CreateSowInput,
  DesignDiff,
  DesignList,
  DesignVersion,
  FitSummary,
  ImportMapping,
  ImportPreview,
  ImportReport,
  RateCardRole,
  Requirement,
  RequirementFit,
  RequirementList,
  RequirementListQuery,
  RequirementPriority,
  SaveDesignVersionInput,
  SolutionDesign,
  SowStatus,
  StatementOfWork,
  UpdateRateCardRoleInput,
  UpdateRequirementInput,
  UpdateSowInput,
};
export { FIT_LABELS, IMPORT_FIELDS, PRIORITY_LABELS, REQUIREMENT_FITS, REQUIREMENT_PRIORITIES, SOW_ENGAGEMENT_KINDS, SOW_STATUS_LABELS };
export type RequirementWrite = z.infer<typeof requirementWriteSchema>;
export type BulkFitResult = z.infer<typeof bulkFitResultSchema>;

export const FIT_COLORS: Record<RequirementFit, string> = {
  unassessed: 'gray',
  native: 'teal',
  configuration: 'blue',
  customisation: 'violet',
  gap: 'red',
  roadmap: 'orange',
};
export const PRIORITY_COLORS: Record<RequirementPriority, string> = { must: 'red', should: 'blue', could: 'gray' };
export const SOW_STATUS_COLORS: Record<SowStatus, string> = { draft: 'gray', sent: 'blue', accepted: 'teal', declined: 'red' };
export const ENGAGEMENT_KIND_LABELS: Record<(typeof SOW_ENGAGEMENT_KINDS)[number], string> = {
  professional_services: 'Professional services',
  implementation: 'Implementation',
};

// Under ['presales'], so whatever changes pre-sales data refreshes every pre-sales screen.
export const solutionKeys = {
  requirements: (opportunityId: string) => ['presales', 'requirements', opportunityId] as const,
  requirementList: (opportunityId: string, q: RequirementListQuery) => ['presales', 'requirements', opportunityId, q] as const,
  designs: (opportunityId: string) => ['presales', 'designs', opportunityId] as const,
  design: (id: string) => ['presales', 'design', id] as const,
  designVersion: (id: string, version: number) => ['presales', 'design', id, 'version', version] as const,
  designDiff: (id: string, version: number) => ['presales', 'design', id, 'diff', version] as const,
  rateCard: (includeInactive: boolean) => ['presales', 'rate-card', includeInactive] as const,
  sows: (opportunityId: string) => ['presales', 'sows', opportunityId] as const,
};

/** Requirements feed designs' coverage, and gaps feed the feedback inbox: refresh all of them. */
const refreshRequirements = (client: QueryClient, opportunityId: string) =>
  Promise.all([
    client.invalidateQueries({ queryKey: solutionKeys.requirements(opportunityId) }),
    client.invalidateQueries({ queryKey: solutionKeys.designs(opportunityId) }),
    client.invalidateQueries({ queryKey: ['feedback'] }),
  ]);

// ---------------------------------------------------------------------------------------------
// Requirements

export function useRequirements(opportunityId: string, q: RequirementListQuery) {
  return useQuery({
    queryKey: solutionKeys.requirementList(opportunityId, q),
    queryFn: () => api.get<RequirementList>(`/api/opportunities/${opportunityId}/requirements`, { ...q }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveRequirement(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: (CreateRequirementInput | UpdateRequirementInput) & { id?: string }) =>
      id
        ? api.patch<RequirementWrite>(`/api/requirements/${id}`, body)
        : api.post<RequirementWrite>(`/api/opportunities/${opportunityId}/requirements`, body),
    onSuccess: () => refreshRequirements(client, opportunityId),
  });
}

export function useDeleteRequirement(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/requirements/${id}`),
    onSuccess: () => refreshRequirements(client, opportunityId),
  });
}

export function useReorderRequirements(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.put(`/api/opportunities/${opportunityId}/requirements/order`, { ids }),
    onSuccess: () => refreshRequirements(client, opportunityId),
  });
}

export function useBulkFit(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[]; fit: RequirementFit }) =>
      api.post<BulkFitResult>(`/api/opportunities/${opportunityId}/requirements/fit`, body),
    onSuccess: () => refreshRequirements(client, opportunityId),
  });
}

export function usePreviewImport(opportunityId: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<ImportPreview>(`/api/opportunities/${opportunityId}/requirements/import/preview`, form);
    },
  });
}

export function useImportRequirements(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: ImportMapping }) => {
      const form = new FormData();
      form.append('mapping', JSON.stringify(mapping));
      form.append('file', file);
      return api.upload<ImportReport>(`/api/opportunities/${opportunityId}/requirements/import`, form);
    },
    onSuccess: () => refreshRequirements(client, opportunityId),
  });
}

// ---------------------------------------------------------------------------------------------
// Solution designs

export function useDesigns(opportunityId: string) {
  return useQuery({
    queryKey: solutionKeys.designs(opportunityId),
    queryFn: () => api.get<DesignList>(`/api/opportunities/${opportunityId}/solution-designs`),
  });
}

export function useDesign(id: string | null) {
  return useQuery({
    queryKey: solutionKeys.design(id ?? ''),
    queryFn: () => api.get<SolutionDesign>(`/api/solution-designs/${id}`),
    enabled: !!id,
  });
}

export function useDesignVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: solutionKeys.designVersion(id, version ?? 0),
    queryFn: () => api.get<DesignVersion>(`/api/solution-designs/${id}/versions/${version}`),
    enabled: version !== null,
  });
}

export function useDesignDiff(id: string, version: number | null) {
  return useQuery({
    queryKey: solutionKeys.designDiff(id, version ?? 0),
    queryFn: () => api.get<DesignDiff>(`/api/solution-designs/${id}/versions/${version}/diff`),
    enabled: version !== null,
  });
}

const refreshDesigns = (client: QueryClient, opportunityId: string) =>
  Promise.all([
    client.invalidateQueries({ queryKey: solutionKeys.designs(opportunityId) }),
    client.invalidateQueries({ queryKey: ['presales', 'design'] }),
    client.invalidateQueries({ queryKey: solutionKeys.requirements(opportunityId) }),
  ]);

export function useCreateDesign(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDesignInput) => api.post<SolutionDesign>(`/api/opportunities/${opportunityId}/solution-designs`, body),
    onSuccess: () => refreshDesigns(client, opportunityId),
  });
}

export function useSaveDesignVersion(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SaveDesignVersionInput & { id: string }) =>
      api.post<SolutionDesign>(`/api/solution-designs/${id}/versions`, body),
    onSuccess: () => refreshDesigns(client, opportunityId),
  });
}

export function useSetDesignRequirements(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, requirementIds }: { id: string; requirementIds: string[] }) =>
      api.put<SolutionDesign>(`/api/solution-designs/${id}/requirements`, { requirementIds }),
    onSuccess: () => refreshDesigns(client, opportunityId),
  });
}

export function useDeleteDesign(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/solution-designs/${id}`),
    onSuccess: () => refreshDesigns(client, opportunityId),
  });
}

// ---------------------------------------------------------------------------------------------
// Rate card

export function useRateCard(includeInactive = false) {
  return useQuery({
    queryKey: solutionKeys.rateCard(includeInactive),
    queryFn: () =>
      api.get<{ items: RateCardRole[] }>('/api/rate-card', { includeInactive: includeInactive ? 'true' : undefined }).then((r) => r.items),
  });
}

export function useSaveRateCardRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: (CreateRateCardRoleInput | UpdateRateCardRoleInput) & { id?: string }) =>
      id ? api.patch<RateCardRole>(`/api/rate-card/${id}`, body) : api.post<RateCardRole>('/api/rate-card', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['presales'] }),
  });
}

export function useDeleteRateCardRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/rate-card/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['presales', 'rate-card'] }),
  });
}

// ---------------------------------------------------------------------------------------------
// Statements of work

export function useSows(opportunityId: string) {
  return useQuery({
    queryKey: solutionKeys.sows(opportunityId),
    queryFn: () => api.get<{ items: StatementOfWork[] }>(`/api/opportunities/${opportunityId}/statements-of-work`).then((r) => r.items),
  });
}

const refreshSows = (client: QueryClient, opportunityId: string) =>
  Promise.all([
    client.invalidateQueries({ queryKey: solutionKeys.sows(opportunityId) }),
    client.invalidateQueries({ queryKey: ['engagements'] }),
    client.invalidateQueries({ queryKey: ['presales', 'rate-card'] }),
  ]);

export function useSaveSow(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: (CreateSowInput | UpdateSowInput) & { id?: string }) =>
      id
        ? api.patch<StatementOfWork>(`/api/statements-of-work/${id}`, body)
        : api.post<StatementOfWork>(`/api/opportunities/${opportunityId}/statements-of-work`, body),
    onSuccess: () => refreshSows(client, opportunityId),
  });
}

/** The status actions: send, decline (with a reason), copy into a new draft, accept (creates the engagement). */
export function useSowAction(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      action:
        | { id: string; kind: 'send' | 'copy' }
        | { id: string; kind: 'decline'; reason: string }
        | { id: string; kind: 'accept'; body: AcceptSowInput },
    ) => {
      const url = `/api/statements-of-work/${action.id}/${action.kind}`;
      if (action.kind === 'decline') return api.post<StatementOfWork>(url, { reason: action.reason });
      if (action.kind === 'accept') return api.post<StatementOfWork>(url, action.body);
      return api.post<StatementOfWork>(url);
    },
    onSuccess: () => refreshSows(client, opportunityId),
  });
}

export function useDeleteSow(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/statements-of-work/${id}`),
    onSuccess: () => refreshSows(client, opportunityId),
  });
}

/** The money of a SOW or rate, in its own currency. */
export function formatAmount(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
