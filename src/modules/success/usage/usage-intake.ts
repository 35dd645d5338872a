import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountIdForEmail, accountRefs } from '../../accounts/index.js';
import { usageEventSchema, type EventResult, type UsageBatchResult, type UsageEvent } from '../contract/usage.js';
import { utcDay } from './adoption-calculator.js';
import * as repo from './usage-repository.js';

/**
 * Usage intake (issue 15): the one path for the API and the file import. Each event is checked on
 * its own and gets a result; everything accepted is written in one transaction — the event ids
 * plus the daily roll-ups — so a batch is never half-applied, and a batch sent again counts once.
 */

const DAY_MS = 86_400_000;

/** One event as received, with the position it is reported under (batch index or file row). */
export interface IncomingEvent {
  index: number;
  value: unknown;
}

type Verdict = { index: number; eventId: string | null } & (
  | { status: 'rejected'; error: { code: string; message: string } }
  | { status: 'duplicate'; error?: { code: string; message: string } }
  | { status: 'valid'; event: UsageEvent }
);

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));
  return false;
}

function rawEventId(value: unknown): string | null {
  const id = value && typeof value === 'object' ? (value as { eventId?: unknown }).eventId : undefined;
  return typeof id === 'string' ? id.replaceAll('\u0000', '') : null;
}

/** The checks that need no database: shape, NUL characters, the future bound, repeats within the batch. */
function check(incoming: readonly IncomingEvent[], now: Date): Verdict[] {
  const latest = now.getTime() + DAY_MS;
  const seen = new Set<string>();
  return incoming.map(({ index, value }): Verdict => {
    const eventId = rawEventId(value);
    // PostgreSQL refuses NUL in text and SQLite would store it: refused here, the same on both.
    if (containsNul(value))
      return {
        index,
        eventId,
        status: 'rejected',
        error: { code: 'usage.nul_character', message: 'A field contains a NUL character (\\u0000).' },
      };
    const parsed = usageEventSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.');
      return {
        index,
        eventId,
        status: 'rejected',
        error: { code: 'usage.invalid_event', message: field ? `${field}: ${issue.message}` : issue.message },
      };
    }
    const event = parsed.data;
    if (Date.parse(event.timestamp) > latest)
      return {
        index,
        eventId: event.eventId,
        status: 'rejected',
        error: { code: 'usage.timestamp_in_future', message: 'timestamp: more than a day in the future; check the sender’s clock.' },
      };
    if (seen.has(event.eventId))
      return {
        index,
        eventId: event.eventId,
        status: 'duplicate',
        error: { code: 'usage.event_id_repeated', message: 'This eventId appears earlier in the batch; it is counted once.' },
      };
    seen.add(event.eventId);
    return { index, eventId: event.eventId, status: 'valid', event };
  });
}

/** Each valid event's account id, or undefined when the named account does not exist. */
async function resolveAccounts(db: Kysely<Database>, events: readonly UsageEvent[]): Promise<(string | undefined)[]> {
  const ids = new Set<string>();
  const externalIds = new Set<string>();
  const domains = new Set<string>();
  for (const e of events) {
    if (e.accountId !== undefined) ids.add(e.accountId);
    else if (e.accountExternalId !== undefined) externalIds.add(e.accountExternalId);
    else if (e.accountDomain !== undefined) domains.add(e.accountDomain);
  }
  const [known, byExternalId] = await Promise.all([accountRefs(db, ids), repo.accountsOfExternalIds(db, [...externalIds])]);
  // One read per distinct domain (a batch rarely names more than a few): the accounts module
  // exports a lookup by e-mail, not a batch lookup by domain.
  const byDomain = new Map<string, string | null>();
  for (const domain of domains) byDomain.set(domain, await accountIdForEmail(db, `usage@${domain}`));
  return events.map((e) => {
    if (e.accountId !== undefined) return known.has(e.accountId) ? e.accountId : undefined;
    if (e.accountExternalId !== undefined) return byExternalId.get(e.accountExternalId);
    return byDomain.get(e.accountDomain!) ?? undefined;
  });
}

function accountNamed(e: UsageEvent): string {
  if (e.accountId !== undefined) return `accountId "${e.accountId}"`;
  if (e.accountExternalId !== undefined) return `accountExternalId "${e.accountExternalId}"`;
  return `accountDomain "${e.accountDomain}"`;
}

interface Accepted {
  event: UsageEvent;
  accountId: string;
}

/** Writes the accepted events and their roll-ups; returns the event ids that were new. */
async function store(db: Kysely<Database>, accepted: readonly Accepted[], now: Date): Promise<Set<string>> {
  const receivedAt = now.toISOString();
  return inTransaction(db, async (trx) => {
    const stored = await repo.storeNewEventIds(
      trx,
      accepted.map((a) => ({ event_id: a.event.eventId, account_id: a.accountId, received_at: receivedAt })),
    );
    const daily = new Map<string, { account_id: string; day: string; feature_key: string; quantity: number; events: number }>();
    const users = new Map<string, { account_id: string; day: string; user_key: string }>();
    const days = new Map<string, { account_id: string; day: string; reported: number }>();
    for (const { event, accountId } of accepted) {
      if (!stored.has(event.eventId)) continue;
      const day = utcDay(event.timestamp);
      const dk = `${accountId}|${day}|${event.feature}`;
      const d = daily.get(dk) ?? { account_id: accountId, day, feature_key: event.feature, quantity: 0, events: 0 };
      d.quantity += event.quantity;
      d.events += 1;
      daily.set(dk, d);
      if (event.userId !== undefined)
        users.set(`${accountId}|${day}|${event.userId}`, { account_id: accountId, day, user_key: event.userId });
      const ak = `${accountId}|${day}`;
      const a = days.get(ak) ?? { account_id: accountId, day, reported: 0 };
      a.reported = Math.max(a.reported, event.activeUsers ?? 0);
      days.set(ak, a);
    }
    if (daily.size === 0) return stored;
    await repo.addToDaily(trx, [...daily.values()]);
    await repo.addDailyUsers(trx, [...users.values()]);
    const counts = users.size
      ? await repo.distinctUsersPerDay(
          trx,
          [...new Set([...users.values()].map((u) => u.account_id))],
          [...new Set([...users.values()].map((u) => u.day))],
        )
      : new Map<string, number>();
    await repo.raiseAccountDays(
      trx,
      [...days.entries()].map(([k, a]) => ({
        account_id: a.account_id,
        day: a.day,
        active_users: Math.max(a.reported, counts.get(k) ?? 0),
        reported_active_users: a.reported,
      })),
    );
    return stored;
  });
}

/**
 * Checks, resolves and stores a batch of usage events, and reports on every one of them.
 *
 * @example const result = await ingestUsage(db, body.events.map((value, index) => ({ index, value })));
 */
export async function ingestUsage(
  db: Kysely<Database>,
  incoming: readonly IncomingEvent[],
  now: Date = new Date(),
): Promise<{ result: UsageBatchResult; accountIds: string[] }> {
  const verdicts = check(incoming, now);
  const valid = verdicts.filter((v): v is Verdict & { status: 'valid' } => v.status === 'valid');
  const accountIds = await resolveAccounts(
    db,
    valid.map((v) => v.event),
  );
  const accepted: Accepted[] = [];
  const unknown = new Set<number>();
  valid.forEach((v, i) => {
    const accountId = accountIds[i];
    if (accountId) accepted.push({ event: v.event, accountId });
    else unknown.add(v.index);
  });
  const stored = accepted.length ? await store(db, accepted, now) : new Set<string>();

  const results: EventResult[] = verdicts.map((v) => {
    if (v.status === 'rejected' || v.status === 'duplicate')
      return { index: v.index, eventId: v.eventId, status: v.status, ...(v.error ? { error: v.error } : {}) };
    if (unknown.has(v.index))
      return {
        index: v.index,
        eventId: v.eventId,
        status: 'rejected',
        error: { code: 'usage.account_unknown', message: `No account matches ${accountNamed(v.event)}.` },
      };
    return { index: v.index, eventId: v.eventId, status: stored.has(v.event.eventId) ? 'accepted' : 'duplicate' };
  });
  const count = (s: EventResult['status']) => results.filter((r) => r.status === s).length;
  const touched = [...new Set(accepted.filter((a) => stored.has(a.event.eventId)).map((a) => a.accountId))];
  return {
    result: { accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected'), results },
    accountIds: touched,
  };
}
