import { z } from 'zod';
import { REQUEST_STATUSES, REQUEST_VISIBILITIES } from './kinds.js';

/**
 * The roadmap (issue 14): for internal stakeholders, planned, in-progress and shipped requests by
 * target release with the revenue behind each (the ranking formula of DESIGN: feedback ranking);
 * for customer contacts in the portal, the requests marked public, with their status only.
 */

export const ROADMAP_STATUSES = ['planned', 'in_progress', 'shipped'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

export const roadmapRequestSchema = z.object({
  id: z.string(),
  title: z.string(),
  productArea: z.string().nullable(),
  status: z.enum(ROADMAP_STATUSES),
  visibility: z.enum(REQUEST_VISIBILITIES),
  targetRelease: z.string().nullable(),
  shippedAt: z.string().nullable(),
  score: z.number().describe('Σ over linked accounts of ARR × strongest impact, plus pipelineArr'),
  arr: z.number().describe('Sum of the linked accounts’ ARR'),
  pipelineArr: z.number().describe('ARR of open opportunities that list the request as a blocker'),
  customerCount: z.number().int(),
});
export type RoadmapRequest = z.infer<typeof roadmapRequestSchema>;

export const roadmapReleaseSchema = z.object({
  release: z.string().nullable().describe('The target release; null for requests not yet scheduled'),
  requests: z.array(roadmapRequestSchema).describe('Highest score first'),
  arr: z.number().describe('The ARR of the distinct accounts behind the release’s requests'),
  customerCount: z.number().int().describe('Distinct accounts behind the release’s requests'),
});
export type RoadmapRelease = z.infer<typeof roadmapReleaseSchema>;

export const roadmapSchema = z.object({
  releases: z.array(roadmapReleaseSchema).describe('Releases in version order, unscheduled last'),
});
export type Roadmap = z.infer<typeof roadmapSchema>;

export const portalFeatureRequestSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(REQUEST_STATUSES).exclude(['declined']),
  targetRelease: z.string().nullable(),
  shippedAt: z.string().nullable(),
  askedByYourAccount: z.boolean().describe('Someone at your organisation asked for it'),
});
export type PortalFeatureRequest = z.infer<typeof portalFeatureRequestSchema>;

export const portalFeatureRequestListSchema = z.object({ items: z.array(portalFeatureRequestSchema) });
