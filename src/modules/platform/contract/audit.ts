import { z } from 'zod';

/** One entry of the append-only audit log. */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable().describe('The member, token or contact behind the change, by name'),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The filters of the audit log, shared by the list and its CSV export. */
export const auditFilters = z.object({
  actorId: z.string().max(64).optional(),
  recordType: z.string().max(64).optional(),
  recordId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Entries at or after this time'),
  to: z.iso.datetime({ offset: true }).optional().describe('Entries at or before this time'),
});

export const auditListQuery = auditFilters.extend({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() });
