import { z } from 'zod';
import { RUN_STATUSES, STEP_OUTCOMES } from './kinds.js';
import { escalationDraftSchema, tag } from './tickets.js';

export { RUN_STATUSES, STEP_OUTCOMES } from './kinds.js';

export const runbookStepBody = z.strictObject({
  instruction: z.string().trim().min(1, 'Write what the agent does in this step').max(2000),
  expectedResult: z.string().trim().max(2000).nullish().describe('What the agent should see when the step worked'),
  inputLabel: z.string().trim().min(1).max(200).nullish().describe('A value to capture in this step, e.g. "IdP entity ID"'),
});
export type RunbookStepInput = z.infer<typeof runbookStepBody>;

export const runbookBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the runbook a title').max(200),
  description: z.string().trim().max(5000).default(''),
  tags: z.array(tag).max(30).default([]).describe('Tickets with these tags get this runbook suggested'),
  keywords: z
    .array(z.string().trim().toLowerCase().min(2, 'Keywords need at least 2 characters').max(60))
    .max(50)
    .default([])
    .describe('Words or phrases looked for in the ticket’s subject and first message'),
  steps: z.array(runbookStepBody).min(1, 'A runbook needs at least one step').max(100),
  status: z.enum(['active', 'archived']).default('active'),
  ownerId: z.string().max(64).optional().describe('The member who keeps the runbook current; defaults to you'),
});
export type RunbookInput = z.infer<typeof runbookBody>;

const person = z.object({ id: z.string(), name: z.string() });

export const runbookStepSchema = z.object({
  index: z.number(),
  instruction: z.string(),
  expectedResult: z.string().nullable(),
  inputLabel: z.string().nullable(),
});
export type RunbookStep = z.infer<typeof runbookStepSchema>;

export const runbookSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  keywords: z.array(z.string()),
  steps: z.array(runbookStepSchema),
  status: z.enum(['active', 'archived']),
  owner: person,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Runbook = z.infer<typeof runbookSchema>;

export const runbookListQuery = z.object({
  status: z.enum(['active', 'archived', 'all']).default('active'),
  q: z.string().trim().max(200).optional().describe('Matches the title'),
});

export const suggestionSchema = z.object({
  runbook: runbookSchema,
  score: z.number(),
  matchedTags: z.array(z.string()),
  matchedKeywords: z.array(z.string()),
});
export type RunbookSuggestion = z.infer<typeof suggestionSchema>;

export const runStepSchema = runbookStepSchema.extend({
  outcome: z.enum(STEP_OUTCOMES).nullable().describe('null: not recorded yet'),
  input: z.string().nullable(),
  note: z.string().nullable(),
  by: person.nullable(),
  at: z.string().nullable(),
});

export const runSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  runbookId: z.string(),
  title: z.string(),
  status: z.enum(RUN_STATUSES),
  startedBy: person.nullable(),
  startedAt: z.string(),
  finishedBy: person.nullable(),
  finishedAt: z.string().nullable(),
  steps: z.array(runStepSchema),
  nextStepIndex: z.number().nullable().describe('The step to record next; null when all are recorded or the run is finished'),
});
export type RunbookRun = z.infer<typeof runSchema>;

export const startRunBody = z.strictObject({ runbookId: z.string().max(64) });

export const recordStepBody = z.strictObject({
  outcome: z.enum(STEP_OUTCOMES),
  input: z.string().trim().max(5000).optional().describe('The value the step asks to capture'),
  note: z.string().trim().max(5000).optional(),
});
export type RecordStepInput = z.infer<typeof recordStepBody>;

export const finishRunBody = z.discriminatedUnion('result', [
  z.strictObject({
    result: z.literal('resolved'),
    reply: z.string().trim().min(1, 'Write the reply that tells the customer how it was resolved').max(100_000),
  }),
  z.strictObject({ result: z.literal('escalate') }),
]);
export type FinishRunInput = z.infer<typeof finishRunBody>;

/** A finished run; escalating it also returns the escalation dialog's pre-filled summary. */
export const finishRunResultSchema = z.object({ run: runSchema, draft: escalationDraftSchema.optional() });
