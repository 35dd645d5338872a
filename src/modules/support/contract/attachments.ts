import { z } from 'zod';

export const attachmentSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  messageId: z.string().nullable().describe('The message it came with, if any'),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  url: z.string().describe('Where to download it'),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentUploadFields = z.object({
  messageId: z.string().max(64).optional(),
});
