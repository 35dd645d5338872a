import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { errors } from '../../../../kernel/errors.js';
import type { ZendeskUserRole } from '../../contract/people.js';
import { cursorEnvelope, cursorSize, isCursorPaging, offsetEnvelope, offsetPage, type PagingQuery } from '../http/pagination.js';
import { presentUsers } from './present-people.js';
import { userCursorPage, userOffsetPage, type UserFilter } from './user-directory.js';

/** `role=agent` or `role[]=agent&role[]=admin` (Support API reference → Users → List Users). */
export function askedRoles(query: {
  role?: ZendeskUserRole;
  'role[]'?: ZendeskUserRole | ZendeskUserRole[];
}): ZendeskUserRole[] | undefined {
  const list = [...(query.role ? [query.role] : []), ...[query['role[]'] ?? []].flat()];
  return list.length ? [...new Set(list)] : undefined;
}

/** A page of users in Zendesk's envelope, offset or cursor as the client asked. */
export async function userListAnswer(db: Kysely<Database>, request: FastifyRequest, filter: UserFilter, paging: PagingQuery) {
  if (paging['page[before]'] !== undefined)
    throw errors.validation('page[before]: this list pages forward only; follow links.next', {
      location: 'querystring',
      field: 'page[before]',
    });
  if (isCursorPaging(paging)) {
    const page = await userCursorPage(db, filter, paging['page[after]'], cursorSize(paging));
    const users = await presentUsers(db, request, page.refs);
    return cursorEnvelope(request, 'users', users, { hasMore: page.hasMore, after: page.afterCursor, before: null });
  }
  const at = offsetPage(paging);
  const page = await userOffsetPage(db, filter, at.offset, at.perPage);
  return offsetEnvelope(request, 'users', await presentUsers(db, request, page.refs), at, page.count);
}
