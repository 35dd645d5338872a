import { z } from 'zod';

const kindCounts = z.object({ imported: z.number(), unchanged: z.number(), skipped: z.number() });

/** One run of the Zendesk importer as the imports screen lists it. */
export const importRunSchema = z.object({
  id: z.string(),
  source: z.string().describe('zendesk:<export folder name> or zendesk:<host> for a live pull'),
  status: z.enum(['running', 'finished', 'failed']).describe('running also means stopped before the end: the next start resumes it'),
  counts: z.record(z.string(), kindCounts).describe('Per kind (organization, user, ticket, comment, …): imported, unchanged, skipped'),
  skipCount: z.number(),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportRunView = z.infer<typeof importRunSchema>;

export const importRunListSchema = z.object({ items: z.array(importRunSchema) });
export type ImportRunList = z.infer<typeof importRunListSchema>;

export const importSkipSchema = z.object({
  kind: z.string(),
  externalId: z.string().nullable().describe('The Zendesk id of the row, when it had one'),
  reason: z.string(),
  at: z.string(),
});

export const importRunDetailSchema = importRunSchema.extend({
  skips: z.array(importSkipSchema).describe('The first 1,000 rows not written, each with the reason'),
});
export type ImportRunDetail = z.infer<typeof importRunDetailSchema>;
