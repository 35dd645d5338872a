import { z } from 'zod';
import { pageQuery } from '../../../kernel/contract/page.js';
import { LIFECYCLE_STAGES, SEGMENTS } from '../../accounts/contract/kinds.js';
import { IMPACTS, REQUEST_SORTS, REQUEST_STATUSES, REQUEST_VISIBILITIES } from './kinds.js';

/**
 * Feature requests (issue 14) and their ranking (DESIGN: feedback ranking): score = the sum over
 * linked accounts of ARR × the strongest impact that account stated, plus the ARR of open
 * opportunities that list the request as a blocker.
 */

const id = z.string().trim().min(1).max(64);
const ref = z.object({ id: z.string(), name: z.string() });

export const requestFiguresSchema = z.object({
  score: z.number().describe('Σ over linked accounts of ARR × strongest impact, plus pipelineArr'),
  arr: z.number().describe('Sum of the linked accounts’ ARR'),
  pipelineArr: z.number().describe('ARR of open opportunities that list the request as a blocker'),
  customerCount: z.number().describe('Accounts with at least one linked item'),
  itemCount: z.number(),
});

export const featureRequestSummarySchema = requestFiguresSchema.extend({
  id: z.string(),
  title: z.string(),
  productArea: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  visibility: z.enum(REQUEST_VISIBILITIES),
  owner: ref.nullable(),
  targetRelease: z.string().nullable(),
  updatedAt: z.string(),
});
export type FeatureRequestSummary = z.infer<typeof featureRequestSummarySchema>;

export const featureRequestSchema = featureRequestSummarySchema.extend({
  description: z.string(),
  declinedReason: z.string().nullable(),
  shippedAt: z.string().nullable(),
  mergedInto: z.object({ id: z.string(), title: z.string() }).nullable().describe('Set on a merged request: where it now lives'),
  mergedFrom: z.array(z.object({ id: z.string(), title: z.string() })),
  createdAt: z.string(),
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      segment: z.enum(SEGMENTS),
      lifecycleStage: z.enum(LIFECYCLE_STAGES),
      arr: z.number(),
      impact: z.enum(IMPACTS).describe('The strongest impact the account stated'),
      contribution: z.number().describe('ARR × impact weight'),
      itemCount: z.number(),
    }),
  ),
  revenueBySegment: z.array(z.object({ segment: z.enum(SEGMENTS), arr: z.number(), customerCount: z.number() })),
  blockers: z.array(z.object({ opportunityId: z.string(), account: ref, arr: z.number(), open: z.boolean() })),
});
export type FeatureRequest = z.infer<typeof featureRequestSchema>;

export const createRequestBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the request a title').max(200),
  description: z.string().trim().max(20_000).default(''),
  productArea: z.string().trim().max(80).nullish(),
  status: z.enum(REQUEST_STATUSES).default('under_review'),
  ownerId: id.nullish(),
  targetRelease: z.string().trim().max(80).nullish(),
  visibility: z.enum(REQUEST_VISIBILITIES).default('internal'),
});
export type CreateRequestInput = z.input<typeof createRequestBody>;

export const updateRequestBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(20_000).optional(),
    productArea: z.string().trim().max(80).nullish(),
    status: z.enum(REQUEST_STATUSES).optional(),
    declinedReason: z.string().trim().min(1).max(2000).nullish(),
    ownerId: id.nullish(),
    targetRelease: z.string().trim().max(80).nullish(),
    visibility: z.enum(REQUEST_VISIBILITIES).optional(),
  })
  .refine((b) => b.status !== 'declined' || !!b.declinedReason, {
    path: ['declinedReason'],
    message: 'Say why the request is declined',
  });
export type UpdateRequestInput = z.input<typeof updateRequestBody>;

export const mergeRequestBody = z.strictObject({ intoId: id.describe('The request that absorbs this one') });

export const requestListQuery = z.strictObject({
  ...pageQuery,
  sort: z.enum(REQUEST_SORTS).default('score'),
  status: z.enum(REQUEST_STATUSES).optional(),
  productArea: z.string().trim().max(80).optional(),
  segment: z.enum(SEGMENTS).optional().describe('Count only accounts of this segment'),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).optional().describe('Count only accounts in this lifecycle stage'),
  q: z.string().trim().max(200).optional(),
});

export const opportunityBlockerBody = z.strictObject({
  opportunityId: id,
  accountId: id,
  arr: z.number().int().min(0).max(10_000_000_000),
  open: z.boolean().default(true),
});
