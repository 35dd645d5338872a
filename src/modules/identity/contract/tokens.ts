import { z } from 'zod';
import { PERMISSIONS } from '../../../kernel/contract/permissions.js';

/** An API token as listed: never its secret, which is shown once when it is created. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the token after the integration that uses it').max(100),
  // `usage:write` is how usage-intake clients name the scope (issue 15); it is `usage.write` here.
  scopes: z
    .array(z.preprocess((s) => (s === 'usage:write' ? 'usage.write' : s), z.enum(PERMISSIONS)))
    .min(1, 'Give the token at least one scope'),
});
export type CreateTokenInput = z.infer<typeof createTokenBody>;

export const createdTokenSchema = z.object({ token: z.string(), apiToken: apiTokenSchema });
