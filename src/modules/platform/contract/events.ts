import { z } from 'zod';

/** One row of the `events` outbox as the live stream (`GET /api/events/stream`) sends it. */
export const liveEventSchema = z.object({
  id: z.number(),
  type: z.string(),
  occurredAt: z.string(),
  record: z.object({ type: z.string(), id: z.string() }),
  accountId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;
