import { z } from 'zod';
import { categoryTotalsSchema, timeEntrySchema } from '../../team/contract/time-entries.js';

/** Time logged on a ticket (the entries are the team module's), with totals. */
export const ticketTimeSchema = z.object({
  items: z.array(timeEntrySchema),
  totalMinutes: z.number(),
  byCategory: categoryTotalsSchema.describe('Minutes per category'),
});
export type TicketTime = z.infer<typeof ticketTimeSchema>;
