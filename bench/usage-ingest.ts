/**
 * `usage_ingest_events_per_s` (issue 15, target ≥ 20,000): batches of 1,000 usage events posted
 * one after another to POST /api/usage/events with an API token, as a product would send them.
 * Bounded in count and time, and loopback only: it writes into the server's database.
 *
 * The token needs the scope `usage.write`, plus `accounts.read` to pick the accounts it reports on
 * (the first 50 accounts of GET /api/accounts); without accounts it cannot name any.
 */

const BATCH = 1000;
const MAX_BATCHES = 40;
const MAX_MS = 15_000;
const FEATURES = Array.from({ length: 24 }, (_, i) => `feature_${i + 1}`);

function assertLoopback(baseUrl: string): void {
  const host = new URL(baseUrl).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host))
    throw new Error(`measureUsageIngest writes usage into the server's database: point it at a loopback server, not ${host}`);
}

async function accountIds(baseUrl: string, token: string): Promise<string[]> {
  const res = await fetch(`${baseUrl}/api/accounts?limit=50`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`listing accounts for the usage bench failed (${res.status}): give the token accounts.read too`);
  const ids = ((await res.json()) as { items: { id: string }[] }).items.map((a) => a.id);
  if (ids.length === 0) throw new Error('the usage bench needs at least one account in the dataset');
  return ids;
}

/** One batch: events spread over accounts, features, 200 users per account and the last 30 days. */
function batch(run: string, n: number, accounts: readonly string[], now: number): { events: unknown[] } {
  const events = [];
  for (let i = 0; i < BATCH; i++) {
    const k = n * BATCH + i;
    events.push({
      eventId: `bench-${run}-${k}`,
      accountId: accounts[k % accounts.length],
      feature: FEATURES[(k * 7) % FEATURES.length],
      userId: `user-${k % 200}`,
      quantity: 1 + (k % 3),
      timestamp: new Date(now - (k % 30) * 86_400_000 - (k % 3600) * 1000).toISOString(),
    });
  }
  return { events };
}

async function post(baseUrl: string, token: string, body: { events: unknown[] }): Promise<number> {
  const res = await fetch(`${baseUrl}/api/usage/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`usage batch refused: ${res.status} ${(await res.text()).slice(0, 300)}`);
  const result = (await res.json()) as { accepted: number; rejected: number; results: { error?: { message: string } }[] };
  if (result.rejected) throw new Error(`usage bench events rejected: ${result.results.find((r) => r.error)?.error?.message}`);
  return result.accepted;
}

/** Posts up to 40 batches of 1,000 events (at most ~15 s) and returns the accepted events per second. */
export async function measureUsageIngest(baseUrl: string, token: string): Promise<{ eventsPerSecond: number }> {
  assertLoopback(baseUrl);
  const accounts = await accountIds(baseUrl, token);
  const run = Date.now().toString(36);
  const now = Date.now();
  await post(baseUrl, token, batch(`${run}-warm`, 0, accounts, now)); // JIT and statement caches
  let accepted = 0;
  let batches = 0;
  const started = performance.now();
  while (batches < MAX_BATCHES && performance.now() - started < MAX_MS) {
    accepted += await post(baseUrl, token, batch(run, batches, accounts, now));
    batches++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { eventsPerSecond: Math.round(accepted / seconds) };
}
