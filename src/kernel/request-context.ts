import type { FastifyRequest } from 'fastify';
import { changeContextOf, type Actor, type ChangeContext } from './actor.js';
import { errors } from './errors.js';

// The identity module's auth plugin resolves `request.actor` (members, tokens) and
// `request.contact` (portal) before a handler runs; these read them back for the handler.

/** The signed-in actor of a request whose route is not public. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}

/** The audit context of a request: who, and from which address. */
export function changeContext(request: FastifyRequest): ChangeContext {
  return changeContextOf(actorOf(request), request.ip);
}

/** The signed-in customer contact of a portal route (its access is 'portal', so the plugin resolved one). */
export function contactOf(request: FastifyRequest): NonNullable<FastifyRequest['contact']> {
  if (!request.contact) throw errors.unauthenticated();
  return request.contact;
}
