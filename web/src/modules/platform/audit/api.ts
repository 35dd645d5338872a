import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntry, auditListQuery, auditPageSchema } from '../../../../../src/modules/platform/contract/audit';
import { api } from '../../../lib/api-client';
import type { QueryParams } from '../../../lib/query-params';

// Shapes of the audit API: src/modules/platform/contract/audit.ts.
export type { AuditEntry };
/** Filters and page; `from` and `to` are ISO times (entries at or after `from`, at or before `to`). */
export type AuditParams = QueryParams<typeof auditListQuery>;

export function useAuditLog(params: AuditParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => api.get<z.infer<typeof auditPageSchema>>('/api/audit', { ...params }),
    placeholderData: keepPreviousData,
  });
}
