import { errors } from '../../../kernel/errors.js';
import type { ExportRecord } from './export-records.js';
import { sortComments } from './comment-index.js';
import type { ExportKind, ZendeskSource } from './zendesk-source.js';
import { idKey, type ZendeskAttachment, type ZendeskComment, type ZendeskTicket } from './zendesk-records.js';

export interface LiveSourceOptions {
  url: string;
  email: string;
  token: string;
  /** Tests shorten the waits; Zendesk asks clients to honour Retry-After. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/**
 * Where each kind is read on a Zendesk-compatible API: the cursor-based incremental exports for
 * tickets and users (what Zendesk recommends for a full read), cursor pagination elsewhere.
 */
const FIRST_PAGES: Record<ExportKind, string> = {
  organizations: '/api/v2/organizations.json?page[size]=100',
  groups: '/api/v2/groups.json?page[size]=100',
  group_memberships: '/api/v2/group_memberships.json?page[size]=100',
  users: '/api/v2/incremental/users/cursor.json?start_time=0',
  ticket_fields: '/api/v2/ticket_fields.json',
  macros: '/api/v2/macros.json?page[size]=100',
  satisfaction_ratings: '/api/v2/satisfaction_ratings.json?page[size]=100',
  tickets: '/api/v2/incremental/tickets/cursor.json?start_time=0',
};

const MAX_ATTEMPTS = 6;
/** Zendesk allows 700 requests a minute on most plans; four at once stays well inside with its 429 handling. */
const CONCURRENT_COMMENT_REQUESTS = 4;

/** A live Zendesk (or Zendesk-compatible) account, read with an API token as Zendesk's clients do. */
export class LiveSource implements ZendeskSource {
  readonly name: string;
  private readonly base: URL;
  private readonly authorization: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetch: typeof fetch;
  /** What the source could not read (an endpoint the API lacks): the command prints it. */
  readonly notes: string[] = [];

  constructor(options: LiveSourceOptions) {
    this.base = new URL(options.url);
    this.name = `zendesk:${this.base.host}`;
    this.authorization = `Basic ${Buffer.from(`${options.email}/token:${options.token}`).toString('base64')}`;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.fetch = options.fetch ?? fetch;
  }

  async *records<T>(kind: ExportKind, from: number): AsyncGenerator<ExportRecord<T>> {
    let index = 0;
    for await (const record of this.pages(FIRST_PAGES[kind], kind)) {
      if (index++ >= from) yield { index: index - 1, record: record as T };
    }
  }

  /** Follows Zendesk's three ways to the next page: `after_url` (incremental), `links.next` (cursor), `next_page` (offset). */
  private async *pages(first: string, key: string): AsyncGenerator<unknown> {
    let url: string | null = new URL(first, this.base).toString();
    const seen = new Set<string>();
    while (url && !seen.has(url)) {
      seen.add(url);
      const body = await this.getJson(url);
      if (body === null) {
        // A ticket deleted since the listing has no comments to fetch; a missing list endpoint is worth saying.
        if (key !== 'comments') this.notes.push(`${new URL(first, this.base).pathname} is not available: no ${key} read`);
        return;
      }
      const records = body[key];
      if (Array.isArray(records)) yield* records;
      const incremental = 'end_of_stream' in body;
      url = incremental
        ? body.end_of_stream
          ? null
          : stringOrNull(body.after_url)
        : (((body.meta as { has_more?: boolean } | undefined)?.has_more === false
            ? null
            : stringOrNull((body.links as { next?: unknown } | undefined)?.next)) ?? stringOrNull(body.next_page));
    }
  }

  private prefetched = new Map<string, Promise<ZendeskComment[]>>();

  /** Fetches a batch's comments a few tickets at a time instead of one after another (a request each). */
  async prefetchComments(tickets: ZendeskTicket[]): Promise<void> {
    this.prefetched.clear();
    const queue = [...tickets];
    const worker = async () => {
      for (let t = queue.shift(); t; t = queue.shift()) {
        const fetched = this.fetchComments(t);
        this.prefetched.set(String(t.id), fetched);
        await fetched;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT_COMMENT_REQUESTS }, worker));
  }

  async commentsOf(ticket: ZendeskTicket): Promise<ZendeskComment[]> {
    return this.prefetched.get(String(ticket.id)) ?? this.fetchComments(ticket);
  }

  private async fetchComments(ticket: ZendeskTicket): Promise<ZendeskComment[]> {
    const id = idKey(ticket.id);
    if (!id) return [];
    const comments: ZendeskComment[] = [];
    for await (const c of this.pages(`/api/v2/tickets/${encodeURIComponent(id)}/comments.json?page[size]=100`, 'comments'))
      comments.push({ ...(c as ZendeskComment), ticket_id: ticket.id });
    return sortComments(comments);
  }

  async attachment(attachment: ZendeskAttachment): Promise<Buffer | null> {
    if (!attachment.content_url) return null;
    const url = new URL(attachment.content_url, this.base);
    // The token goes only to the account's own host, never to a CDN or a third party.
    const headers = url.host === this.base.host ? { authorization: this.authorization } : undefined;
    const response = await this.request(url.toString(), headers);
    return response ? Buffer.from(await response.arrayBuffer()) : null;
  }

  async close(): Promise<void> {}

  private async getJson(url: string): Promise<Record<string, unknown> | null> {
    const response = await this.request(url, { authorization: this.authorization, accept: 'application/json' });
    return response ? ((await response.json()) as Record<string, unknown>) : null;
  }

  /** GET with Zendesk's etiquette: wait out a 429 as Retry-After says, back off on 5xx; null on 404. */
  private async request(url: string, headers?: Record<string, string>): Promise<Response | null> {
    for (let attempt = 1; ; attempt++) {
      const response = await this.fetch(url, { headers });
      if (response.ok) return response;
      if (response.status === 404) return null;
      const retriable = response.status === 429 || response.status >= 500;
      if (!retriable || attempt >= MAX_ATTEMPTS) {
        const text = await response.text().catch(() => '');
        throw errors.zendeskSourceFailed({ url, status: response.status, body: text.slice(0, 300) });
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      await response.body?.cancel();
      await this.sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 500 * 2 ** attempt);
    }
  }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}
