import type { LightMyRequestResponse, InjectOptions } from 'fastify';
import type { TestApp } from './test-app.js';

/** A contact signed in to the portal: their cookie and CSRF token. */
export interface PortalSignedIn {
  contactId: string;
  accountId: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** The sign-in link the outbox holds for `email`, as the contact would click it. */
export async function latestLinkToken(t: TestApp, email: string): Promise<string> {
  const mail = await t.db.kysely
    .selectFrom('outbox_emails')
    .select(['text_body', 'to_addresses'])
    .where('to_addresses', 'like', `%${email}%`)
    .where('subject', 'like', '%sign-in link%')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const match = /[?&]token=([^\s&]+)/.exec(mail.text_body);
  if (!match) throw new Error('no sign-in link in the mail');
  return decodeURIComponent(match[1]!);
}

/** Asks for a link, reads it from the outbox and signs in with it. */
export async function portalSignIn(t: TestApp, email: string, ip = '127.0.0.1'): Promise<PortalSignedIn> {
  const asked = await t.app.inject({ method: 'POST', url: '/api/portal/sign-in-link', payload: { email }, remoteAddress: ip });
  if (asked.statusCode !== 202) throw new Error(`link request failed: ${asked.body}`);
  const token = await latestLinkToken(t, email);
  const res = await t.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`portal sign-in failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'outpost_portal')!.value;
  const body = res.json() as { contact: { id: string }; account: { id: string }; csrfToken: string };
  const headers = { cookie: `outpost_portal=${cookie}`, 'x-csrf-token': body.csrfToken };
  return {
    contactId: body.contact.id,
    accountId: body.account.id,
    request: (options) => t.app.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } }),
  };
}
