import { z } from 'zod';

// The one error shape every route answers with (src/app/error-handler.ts), shared with the web app.

/** One field-level problem of a `request.invalid` error. */
export const validationIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).describe('For `request.invalid`: `location` and `issues` ({path, message} pairs)'),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
