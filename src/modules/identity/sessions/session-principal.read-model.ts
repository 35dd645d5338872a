import { compiledRead } from '../../../db/compiled-read.js';

/**
 * Read model: sessions ⋈ members ⋈ member_roles (members and member_roles belong to the team
 * module).
 *
 * Why one join across owners: every request of a signed-in member resolves its session cookie, so
 * this is the hottest read there is. Asking the team module for the member and the roles would add
 * two round trips to every page load; one compiled read returns the session, the member and the
 * roles together, a row per role (members have one to three).
 */
export const sessionPrincipal = compiledRead((db, idHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .leftJoin('member_roles', 'member_roles.member_id', 'sessions.member_id')
    .select([
      'sessions.member_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'members.name',
      'members.email',
      'members.status',
      'member_roles.role',
    ])
    .where('sessions.id_hash', '=', idHash),
);
