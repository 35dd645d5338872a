import type { ErrorBody } from '../../../../src/kernel/contract/errors';
import { ApiError, withQuery } from '../../lib/api-client';

/**
 * The portal's own fetch client. Customer contacts are a separate principal from members: their
 * cookie is `outpost_portal`, their CSRF token comes from the portal session, and a 401 sends them
 * to the portal's sign-in, never the member one.
 */
let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

export function setPortalCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setPortalUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | undefined | null>;

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  const error = (payload as Partial<ErrorBody> | null)?.error as Partial<ErrorBody['error']> | undefined;
  const apiError = new ApiError(
    response.status,
    error?.code ?? 'http.error',
    error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
    error?.details ?? {},
  );
  // Only a lost session signs the contact out: a wrong current password or a used link is also a
  // 401, but it is the form's business. The session probe's 401 is its normal "signed out" answer.
  if (response.status === 401 && apiError.code === 'auth.unauthenticated' && path !== '/api/portal/session') onUnauthorized();
  throw apiError;
}

export const portalApi = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
};
