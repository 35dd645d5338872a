import { z } from 'zod';
import { TICKET_FIELD_TYPES } from './kinds.js';

export { TICKET_FIELD_TYPES } from './kinds.js';

/** A drop-down's or multi-select's choice: what agents read, and the tag-like value stored (Zendesk's custom_field_options). */
export const ticketFieldOption = z.strictObject({
  name: z.string().trim().min(1, 'Name the option').max(200),
  value: z
    .string()
    .trim()
    .min(1, 'Give the option a value')
    .max(200)
    .regex(/^[^\s]+$/, 'An option’s value is one word (no spaces), like a tag'),
});
export type TicketFieldOption = z.infer<typeof ticketFieldOption>;

/** A custom ticket field as the admin screen and the ticket page read it. */
export const ticketFieldSchema = z.object({
  id: z.string(),
  title: z.string(),
  fieldType: z.enum(TICKET_FIELD_TYPES),
  options: z.array(z.object({ name: z.string(), value: z.string() })),
  description: z.string().nullable(),
  pattern: z.string().nullable().describe('A regexp field’s pattern; values must match it'),
  position: z.number(),
  active: z.boolean().describe('An inactive field keeps its values but takes no new ones'),
  valueCount: z.number().describe('How many tickets hold a value for this field'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TicketField = z.infer<typeof ticketFieldSchema>;

export const ticketFieldListSchema = z.object({ items: z.array(ticketFieldSchema) });

export const ticketFieldListQuery = z.object({
  active: z.enum(['true', 'false']).optional().describe('Only active (true) or inactive (false) fields; all when absent'),
});
export type TicketFieldListQuery = z.infer<typeof ticketFieldListQuery>;

const pattern = z.string().max(500).nullish();

export const createTicketFieldBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the field a title').max(200),
  fieldType: z.enum(TICKET_FIELD_TYPES),
  options: z.array(ticketFieldOption).max(500).default([]),
  description: z.string().trim().max(2000).nullish(),
  pattern,
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().default(true),
});
export type CreateTicketFieldInput = z.infer<typeof createTicketFieldBody>;

/** The type may change only while no ticket holds a value; deactivating is how a used field retires. */
export const updateTicketFieldBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the field a title').max(200).optional(),
  fieldType: z.enum(TICKET_FIELD_TYPES).optional(),
  options: z.array(ticketFieldOption).max(500).optional(),
  description: z.string().trim().max(2000).nullish(),
  pattern,
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});
export type UpdateTicketFieldInput = z.infer<typeof updateTicketFieldBody>;

/** A ticket's value of one field, as the ticket shows it (the field's title beside it). */
export const ticketCustomFieldSchema = z.object({
  fieldId: z.string(),
  title: z.string(),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).nullable(),
});
export type TicketCustomField = z.infer<typeof ticketCustomFieldSchema>;
