import { z } from 'zod';
import { pageQuery, pageSchema } from '../../../kernel/contract/page.js';

/** Why a mail waits in quarantine: ignored as machine-made, not decodable cleanly, or refused after it was received. */
export const QUARANTINE_REASONS = ['automated', 'undecodable', 'refused'] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export const quarantinedMailSchema = z.object({
  id: z.string(),
  messageId: z.string(),
  reason: z.enum(QUARANTINE_REASONS),
  detail: z.string().describe('Why, in words: the header that marked it automated, the charset or encoding that failed, the refusal'),
  sender: z.string(),
  subject: z.string(),
  sizeBytes: z.number(),
  receivedAt: z.string(),
  rawAvailable: z.boolean().describe('False once the raw copy is gone from the data folder'),
  releasedTicketId: z.string().nullable(),
  releasedTicketNumber: z.number().nullable(),
  releasedAt: z.string().nullable(),
});
export type QuarantinedMail = z.infer<typeof quarantinedMailSchema>;

export const quarantineListQuery = z.object({
  ...pageQuery,
  reason: z.enum(QUARANTINE_REASONS).optional(),
});
export type QuarantineListQuery = z.infer<typeof quarantineListQuery>;

export const quarantinePageSchema = pageSchema(quarantinedMailSchema);
export type QuarantinePage = z.infer<typeof quarantinePageSchema>;

export const quarantineReleaseSchema = z.object({
  ticketId: z.string(),
  ticketNumber: z.number(),
  outcome: z.enum(['ticket_created', 'message_added']),
});
export type QuarantineRelease = z.infer<typeof quarantineReleaseSchema>;
