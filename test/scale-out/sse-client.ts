/** A minimal Server-Sent Events client for tests: what a browser's EventSource does, over fetch. */
export interface SseMessage {
  event: string;
  id: string | null;
  data: string;
}

export interface SseClient {
  status: number;
  messages: SseMessage[];
  /** Resolves with the first message (already received or to come) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const messages: SseMessage[] = [];
  const waiters = new Set<{ match: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }>();
  let resolveEnded!: () => void;
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));

  const dispatch = (block: string) => {
    const message: SseMessage = { event: 'message', id: null, data: '' };
    const data: string[] = [];
    let any = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') message.event = value;
      else if (field === 'id') message.id = value;
      else if (field === 'data') data.push(value);
      else continue;
      any = true;
    }
    if (!any || data.length === 0) return;
    message.data = data.join('\n');
    messages.push(message);
    for (const w of waiters) {
      if (w.match(message)) {
        waiters.delete(w);
        w.resolve(message);
      }
    }
  };

  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            dispatch(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // aborted by close()
      }
      resolveEnded();
    })();
  } else {
    resolveEnded();
  }

  return {
    status: response.status,
    messages,
    ended,
    waitFor: (match, timeoutMs = 5_000) => {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise<SseMessage>((resolve, reject) => {
        const waiter = {
          match,
          resolve: (m: SseMessage) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `No matching server-sent event within ${timeoutMs} ms; got: ${messages.map((m) => m.event + ' ' + m.data.slice(0, 80)).join(' | ') || 'nothing'}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => abort.abort(),
  };
}
