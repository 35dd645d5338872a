import { z } from 'zod';

/**
 * Product usage intake and adoption (issue 15): events a product posts (or a file imports), the
 * licences an account holds, and the adoption figures computed from both.
 */

export const USAGE_BATCH_MAX = 1000;
export const EVENT_STATUSES = ['accepted', 'duplicate', 'rejected'] as const;

const key = (max: number) => z.string().trim().min(1).max(max);

/**
 * One usage event. Exactly one of `accountId`, `accountExternalId` (the id the product knows the
 * account by, from its usage settings) and `accountDomain` (an e-mail domain of the account) names
 * the account. Each event of a batch is checked against this schema on its own.
 */
export const usageEventSchema = z
  .strictObject({
    eventId: key(200).describe('Unique per event: a batch sent twice counts once'),
    accountId: key(64).optional(),
    accountExternalId: key(200).optional(),
    accountDomain: key(253)
      .transform((d) => d.toLowerCase())
      .optional(),
    feature: key(100).describe('The feature key, as licences name it'),
    userId: key(200).optional().describe('Who used it; distinct users per day count as active users'),
    activeUsers: z.number().int().min(0).max(10_000_000).optional().describe('An active-user count the product reports'),
    quantity: z.number().finite().min(0).max(1e12).default(1),
    timestamp: z.iso.datetime({ offset: true }).describe('ISO 8601 with offset; at most a day in the future'),
  })
  .refine((e) => [e.accountId, e.accountExternalId, e.accountDomain].filter((k) => k !== undefined).length === 1, {
    message: 'Name the account with exactly one of accountId, accountExternalId or accountDomain',
    path: ['accountId'],
  });
export type UsageEvent = z.infer<typeof usageEventSchema>;

export const usageBatchBody = z.strictObject({
  events: z
    .array(z.unknown())
    .min(1, 'Send at least one event')
    .max(USAGE_BATCH_MAX, `A batch holds at most ${USAGE_BATCH_MAX} events: split it into several requests`)
    .describe('Usage events (see usageEventSchema); each is validated, and reported, on its own'),
});

export const eventResultSchema = z.object({
  index: z.number().describe('Position of the event in the batch (or row number in an import)'),
  eventId: z.string().nullable(),
  status: z.enum(EVENT_STATUSES),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type EventResult = z.infer<typeof eventResultSchema>;

export const usageBatchResultSchema = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  results: z.array(eventResultSchema),
});
export type UsageBatchResult = z.infer<typeof usageBatchResultSchema>;

export const usageSettingsBody = z.strictObject({
  externalId: key(200).nullable().describe('The id the product reports this account by; unique'),
  seats: z.number().int().min(0).max(10_000_000).nullable(),
  licensedFeatures: z
    .array(key(100))
    .max(500)
    .transform((fs) => [...new Set(fs)].sort())
    .describe('Replaces the licensed features'),
});
export type UsageSettingsInput = z.infer<typeof usageSettingsBody>;

export const usageSettingsSchema = z.object({
  accountId: z.string(),
  externalId: z.string().nullable(),
  seats: z.number().nullable(),
  licensedFeatures: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type UsageSettings = z.infer<typeof usageSettingsSchema>;

export const adoptionQuery = z.object({
  days: z.coerce.number().int().min(7).max(365).default(90).describe('How many days the daily series covers'),
});

export const adoptionSchema = z.object({
  accountId: z.string(),
  seats: z.number().nullable(),
  activeUsers: z.number().describe('Active users over the last 30 days'),
  seatUtilisation: z.number().nullable().describe('Active users ÷ seats, %; null without seats'),
  featureAdoption: z.number().nullable().describe('Licensed features used in 30 days ÷ licensed features, %; null without licences'),
  activeUserTrend: z.number().nullable().describe('% change of active users, last 30 days against the 30 before; null without a baseline'),
  licensedFeatures: z.array(
    z.object({
      feature: z.string(),
      usedInLast30Days: z.boolean(),
      eventsLast30Days: z.number(),
      lastUsedOn: z.string().nullable().describe('The last day it was used, ever; null if never'),
    }),
  ),
  unlicensedFeaturesUsed: z.array(z.object({ feature: z.string(), eventsLast30Days: z.number(), lastUsedOn: z.string() })),
  daily: z.array(z.object({ day: z.string(), activeUsers: z.number(), events: z.number() })),
});
export type Adoption = z.infer<typeof adoptionSchema>;

export const importResultSchema = usageBatchResultSchema.extend({
  rows: z.number().describe('Data rows read from the file'),
});
export type UsageImportResult = z.infer<typeof importResultSchema>;
