import { z } from 'zod';

/**
 * Success plans (issue 15): per account, the customer's desired outcomes, objectives with a
 * measure (baseline → target, current) and the delivery engagements that serve it. The objective
 * list is written whole: POST and PATCH carry `objectives` (the full, ordered list; an item with
 * the `id` of an existing objective keeps it, the rest are new, missing ones are removed).
 * Shared with the web app.
 */

export const PLAN_STATUSES = ['draft', 'active', 'achieved', 'abandoned'] as const;
export const OBJECTIVE_STATUSES = ['on_track', 'at_risk', 'off_track', 'achieved'] as const;
export const PLAN_STATUS_LABELS: Record<(typeof PLAN_STATUSES)[number], string> = {
  draft: 'Draft',
  active: 'Active',
  achieved: 'Achieved',
  abandoned: 'Abandoned',
};
export const OBJECTIVE_STATUS_LABELS: Record<(typeof OBJECTIVE_STATUSES)[number], string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  achieved: 'Achieved',
};

const isoDate = z.iso.date('Use a date as YYYY-MM-DD');
const figure = z.number().finite('Give a number').min(-1e12).max(1e12).nullable();
const ref = z.object({ id: z.string(), name: z.string() });

export const objectiveInput = z.strictObject({
  id: z.string().max(64).optional().describe('An existing objective of this plan, to keep it'),
  title: z.string().trim().min(1, 'Give the objective a title').max(200),
  measure: z.string().trim().max(500).nullable().default(null).describe('How it is measured, in words'),
  baseline: figure.default(null),
  target: figure.default(null),
  current: figure.default(null),
  unit: z.string().trim().max(30).nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  status: z.enum(OBJECTIVE_STATUSES).default('on_track'),
});
export type ObjectiveInput = z.input<typeof objectiveInput>;

const objectives = z.array(objectiveInput).max(30, 'At most 30 objectives per plan');
const engagementIds = z.array(z.string().max(64)).max(20, 'Link at most 20 engagements');

const planFields = {
  title: z.string().trim().min(1, 'Give the plan a title').max(200),
  outcomes: z.string().trim().max(5000).default('').describe("The customer's desired outcomes"),
  status: z.enum(PLAN_STATUSES).default('draft'),
  ownerId: z.string().max(64).nullable().default(null),
  customerVisible: z.boolean().default(false),
  objectives: objectives.default([]),
  engagementIds: engagementIds.default([]),
};

export const createPlanBody = z.strictObject(planFields);
export type CreatePlanInput = z.input<typeof createPlanBody>;

export const updatePlanBody = z
  .strictObject({
    title: planFields.title.optional(),
    outcomes: z.string().trim().max(5000).optional(),
    status: z.enum(PLAN_STATUSES).optional(),
    ownerId: z.string().max(64).nullable().optional(),
    customerVisible: z.boolean().optional(),
    objectives: objectives.optional().describe('The whole list, replacing the current one'),
    engagementIds: engagementIds.optional().describe('The whole list, replacing the current one'),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field');
export type UpdatePlanInput = z.input<typeof updatePlanBody>;

export const objectiveSchema = z.object({
  id: z.string(),
  title: z.string(),
  measure: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  current: z.number().nullable(),
  unit: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(OBJECTIVE_STATUSES),
  position: z.number(),
  progress: z.number().nullable().describe('(current − baseline) ÷ (target − baseline), 0–100; null without numbers'),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const successPlanSchema = z.object({
  id: z.string(),
  account: ref,
  title: z.string(),
  outcomes: z.string(),
  status: z.enum(PLAN_STATUSES),
  owner: ref.nullable(),
  customerVisible: z.boolean(),
  progress: z.number().nullable().describe('Achieved objectives ÷ objectives, 0–100; null without objectives'),
  objectives: z.array(objectiveSchema),
  engagements: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SuccessPlan = z.infer<typeof successPlanSchema>;
export const successPlanListSchema = z.object({ items: z.array(successPlanSchema) });

/** What a customer's contact sees in the portal: no owner, no internal fields. */
export const portalPlanSchema = z.object({
  id: z.string(),
  title: z.string(),
  outcomes: z.string(),
  status: z.enum(PLAN_STATUSES),
  progress: z.number().nullable(),
  objectives: z.array(
    objectiveSchema.pick({
      id: true,
      title: true,
      measure: true,
      baseline: true,
      target: true,
      current: true,
      unit: true,
      dueOn: true,
      status: true,
      progress: true,
    }),
  ),
  updatedAt: z.string(),
});
export type PortalPlan = z.infer<typeof portalPlanSchema>;
export const portalPlanListSchema = z.object({ items: z.array(portalPlanSchema) });
