import type { FastifyRequest } from 'fastify';

/**
 * Zendesk clients follow the URLs in answers (`next_page`, `links.next`, a record's `url`), so
 * they are absolute, on the host the client called, and keep Zendesk's `.json` suffix.
 */
export function apiBase(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** `/api/v2/tickets/12` → `https://host/api/v2/tickets/12.json` */
export function apiUrl(request: FastifyRequest, path: string): string {
  return `${apiBase(request)}${path}.json`;
}

/** The URL of this request with some query parameters replaced (null removes one). */
export function thisUrlWith(request: FastifyRequest, changes: Record<string, string | number | null>): string {
  const url = new URL(request.url, apiBase(request));
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, String(value));
  }
  const path = url.pathname.endsWith('.json') ? url.pathname : `${url.pathname}.json`;
  return `${apiBase(request)}${path}${url.search}`;
}

/**
 * Fastify's `rewriteUrl`: Zendesk's paths end in `.json` (`/api/v2/tickets/12.json`); the routes
 * are registered without it, so both spellings reach the same route.
 */
export function stripJsonSuffix(url: string): string {
  if (!url.startsWith('/api/v2/')) return url;
  return url.replace(/\.json(?=\?|$)/, '');
}

/** Zendesk's timestamps are ISO-8601 UTC to the second: `2026-12-04T10:15:00Z`. */
export function zendeskTime(iso: string): string;
export function zendeskTime(iso: string | null): string | null;
export function zendeskTime(iso: string | null): string | null {
  return iso === null ? null : new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
