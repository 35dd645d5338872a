import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { MemberProfile } from '../contract/profile.js';

/**
 * Role profiles (issue 17), read from time entries and the ports' interactions and accounts, and
 * judged by the pure rules in role-profile.ts. Team-profile area: the scaffold's placeholder.
 */
export interface ProfilePeriod {
  from?: string | undefined;
  to?: string | undefined;
}

/** Every given member's profile over one period (the team view's batch). */
/* eslint-disable @typescript-eslint/no-unused-vars */
export async function memberProfiles(
  db: Kysely<Database>,
  memberIds: readonly string[],
  period: ProfilePeriod,
  now = new Date(),
): Promise<Map<string, MemberProfile>> {
  /* eslint-enable @typescript-eslint/no-unused-vars */
  throw new Error('Role profiles are not built yet (team-profile area)');
}

/** One member's profile. */
export async function memberProfile(
  db: Kysely<Database>,
  memberId: string,
  period: ProfilePeriod,
  now = new Date(),
): Promise<MemberProfile> {
  const profiles = await memberProfiles(db, [memberId], period, now);
  return profiles.get(memberId)!;
}
