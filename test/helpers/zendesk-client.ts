import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { SYSTEM_CONTEXT } from '../../src/kernel/actor.js';
import { permissionsFor, type Permission, type Role } from '../../src/modules/identity/roles/roles.js';
import { actorForMemberId, createToken } from '../../src/modules/identity/sessions/auth-service.js';
import { createMember } from '../../src/modules/team/members/member-service.js';
import { TEST_PASSWORD, type TestApp } from './test-app.js';

/** A script or integration calling /api/v2 the way Zendesk clients do (issue 18). */
export interface ZendeskClient {
  memberId: string;
  email: string;
  token: string;
  /** Basic `email/token:TOKEN`, as node-zendesk and zenpy send it. */
  authorization: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

let counter = 0;

/** A new member with these roles and an API token carrying every permission the roles give (or only `scopes`). */
export async function zendeskClient(t: TestApp, roles: Role[], email?: string, scopes?: Permission[]): Promise<ZendeskClient> {
  const address = email ?? `zd${++counter}-${roles.join('-')}@team.test`;
  const { member } = await createMember(t.db.kysely, SYSTEM_CONTEXT, {
    email: address,
    name: `Zendesk client ${roles.join(' ')}`,
    roles,
    password: TEST_PASSWORD,
  });
  const actor = (await actorForMemberId(t.db.kysely, member.id))!;
  const { token } = await createToken(
    t.db.kysely,
    actor,
    { ...SYSTEM_CONTEXT, actorType: 'member', actorId: member.id, memberId: member.id },
    {
      name: 'zendesk client',
      scopes: scopes ?? ([...permissionsFor(roles)] as Permission[]),
    },
  );
  const authorization = `Basic ${Buffer.from(`${address}/token:${token}`).toString('base64')}`;
  const request = (options: InjectOptions) =>
    t.app.inject({ ...options, headers: { authorization, 'content-type': 'application/json', ...(options.headers ?? {}) } });
  return {
    memberId: member.id,
    email: address,
    token,
    authorization,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url, headers: { 'content-type': '' } }),
  };
}
