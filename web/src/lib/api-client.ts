import type { z } from 'zod';
import type { ErrorBody, ValidationIssue } from '../../../src/kernel/contract/errors';
import type { pageSchema } from '../../../src/kernel/contract/page';

/** The one way the web app talks to the API: JSON in and out, CSRF header on writes, one error shape. */

export type { ValidationIssue };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field-level problems of a `request.invalid` error, as `{path, message}` pairs. */
  get issues(): ValidationIssue[] {
    const issues = this.details.issues;
    return Array.isArray(issues) ? (issues as ValidationIssue[]) : [];
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request comes back 401 (session expired or signed out elsewhere). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (a file upload) sets its own multipart content type, boundary included.
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
  });

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  // Anything can answer an error (a proxy's HTML page, say): read the server's shape defensively.
  const error = (payload as Partial<ErrorBody> | null)?.error as Partial<ErrorBody['error']> | undefined;
  const apiError = new ApiError(
    response.status,
    error?.code ?? 'http.error',
    error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
    error?.details ?? {},
  );
  // A failed sign-in is also a 401, but it is the form's business, not a reason to redirect.
  if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized();
  throw apiError;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** multipart/form-data POST, for file uploads. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};

/** A page of a cursor-paginated list (the kernel contract's `pageSchema`). */
export type Page<T> = z.infer<ReturnType<typeof pageSchema<z.ZodType<T>>>>;
