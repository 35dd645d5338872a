import { z } from 'zod';
import { messageSchema, SUBMIT_STATUSES, tag, ticketSchema, TICKET_PRIORITIES } from './tickets.js';

export const CURRENT_USER = 'current_user';

export const macroActionsSchema = z.strictObject({
  status: z.enum(SUBMIT_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  addTags: z.array(tag).max(30).optional(),
  removeTags: z.array(tag).max(30).optional(),
  assigneeId: z
    .string()
    .max(64)
    .nullable()
    .optional()
    .describe(`A member id, "${CURRENT_USER}" for whoever applies the macro, or null to unassign`),
  groupId: z.string().max(64).nullable().optional().describe('A group id, or null to clear the group'),
});
export type MacroActions = z.infer<typeof macroActionsSchema>;

export const macroBody = z
  .strictObject({
    title: z.string().trim().min(1, 'Give the macro a title').max(200),
    body: z
      .string()
      .trim()
      .max(100_000)
      .default('')
      .describe('The reply, with placeholders such as {{requester.first_name}}; empty for a macro that only changes fields'),
    visibility: z.enum(['public', 'internal']).default('public'),
    actions: macroActionsSchema.default({}),
    shared: z.boolean().default(false).describe('Shared with the whole team (needs runbooks.manage); otherwise personal'),
  })
  .refine((m) => m.body.length > 0 || Object.keys(m.actions).length > 0, {
    message: 'A macro needs a reply text or at least one field change',
    path: ['body'],
  });
export type MacroInput = z.infer<typeof macroBody>;

export const macroSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  visibility: z.enum(['public', 'internal']),
  actions: macroActionsSchema,
  shared: z.boolean(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Macro = z.infer<typeof macroSchema>;

export const macroPreviewSchema = z.object({
  body: z.string().describe('The rendered reply'),
  visibility: z.enum(['public', 'internal']),
  unknownPlaceholders: z.array(z.string()).describe('Placeholders left as written because they are not known'),
  actions: macroActionsSchema,
});
export type MacroPreview = z.infer<typeof macroPreviewSchema>;

/** What applying a macro changed: the ticket, and the reply it posted (none for a macro that only changes fields). */
export const macroApplyResultSchema = z.object({ ticket: ticketSchema, message: messageSchema.nullable() });
