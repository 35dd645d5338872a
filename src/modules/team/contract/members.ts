import { z } from 'zod';
import { ROLES } from '../../identity/contract/roles.js';
import { MIN_PASSWORD_LENGTH } from '../../identity/contract/roles.js';

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Use an IANA time zone such as Europe/Berlin or America/New_York' },
);

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, 24-hour');

export const workingHoursSchema = z
  .strictObject({
    start: clock,
    end: clock,
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7).describe('0 = Sunday … 6 = Saturday'),
  })
  .refine((w) => w.start < w.end, { message: 'Working hours must end after they start', path: ['end'] });

export const roleSchema = z.enum(ROLES);

export const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  status: z.enum(['active', 'invited', 'disabled']),
  team: z.string().nullable().describe('The team the member is on, e.g. "EMEA Support"; null when none'),
  roles: z.array(roleSchema),
  skills: z.array(z.string()),
  capacityHours: z.number(),
  timeZone: z.string(),
  workingHours: z.object({ start: z.string(), end: z.string(), days: z.array(z.number()) }),
  createdAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

/** A new member, with the temporary password generated for them (shown once) when none was given. */
export const createdMemberSchema = z.object({ member: memberSchema, temporaryPassword: z.string().nullable() });

/** The role catalogue with display names, for pickers. */
export const roleListSchema = z.object({ items: z.array(z.object({ id: roleSchema, label: z.string() })) });

const skills = z.array(z.string().trim().min(1).max(60)).max(50);
/** A team's name as members carry it; blank means "no team". */
export const teamName = z.string().trim().max(80, 'A team name has at most 80 characters');
const team = teamName
  .nullish()
  .transform((v) => (v ? v : null))
  .describe('The team the member is on ("EMEA Support", "Platform Engineering"); null or blank for none');

export const createMemberBody = z.strictObject({
  email: z.email('Enter a valid e-mail address').max(254),
  name: z.string().trim().min(1, 'Enter a name').max(120),
  title: z.string().trim().max(120).nullish(),
  team: team.optional(),
  roles: z.array(roleSchema).min(1, 'Give the member at least one role'),
  skills: skills.optional(),
  capacityHours: z.number().int().min(0).max(80).optional(),
  timeZone: timeZone.optional(),
  workingHours: workingHoursSchema.optional(),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200)
    .optional()
    .describe('Leave out to have a temporary password generated and returned once'),
});
export type CreateMemberInput = z.infer<typeof createMemberBody>;

export const updateMemberBody = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name').max(120).optional(),
  title: z.string().trim().max(120).nullish(),
  team: team.optional(),
  roles: z.array(roleSchema).min(1, 'Give the member at least one role').optional(),
  skills: skills.optional(),
  capacityHours: z.number().int().min(0).max(80).optional(),
  timeZone: timeZone.optional(),
  workingHours: workingHoursSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type UpdateMemberInput = z.infer<typeof updateMemberBody>;

export const setPasswordBody = z.strictObject({
  password: z.string().min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});

export const memberListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  team: teamName.min(1).optional().describe('Members of this team (exact name)'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The teams members are on, with how many members each has: the pickers' and filters' choices. */
export const teamListSchema = z.object({ items: z.array(z.object({ name: z.string(), members: z.number() })) });
