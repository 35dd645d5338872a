import { z } from 'zod';
import { INTERACTION_KINDS } from './kinds.js';

/**
 * Relationship depth (DESIGN §1): the rules that tell an *engaged* relationship from a
 * *transactional* one. They are data, stored in settings, so a team can tune them.
 */
export const relationshipRulesSchema = z.strictObject({
  windowDays: z.number().int().min(7).max(730).describe('How far back interactions count'),
  minInteractions: z.number().int().min(1).max(500).describe('Interactions needed inside the window'),
  minActiveMonths: z.number().int().min(1).max(24).describe('Distinct calendar months with at least one interaction'),
  deepKinds: z.array(z.enum(INTERACTION_KINDS)).min(1).describe('Kinds that count as deep, hands-on contact'),
  minDeepInteractions: z.number().int().min(0).max(500).describe('Deep interactions needed inside the window'),
  engagementCountsAsEngaged: z.boolean().describe('An active engagement (implementation, POC…) plus any interaction makes it engaged'),
});
export type RelationshipRules = z.infer<typeof relationshipRulesSchema>;
