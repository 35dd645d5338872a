import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { eventsAwaitingFanOut, eventsByIds, markFannedOut } from '../../../kernel/domain-events.js';
import type { SecretBox } from './secret-box.js';
import { signPayload } from './webhook-signature.js';

export const MAX_ATTEMPTS = 8;
/** Consecutive failed attempts after which a subscription is paused and the admins are told. */
export const PAUSE_AFTER_FAILURES = 10;
const FIRST_RETRY_MS = 30_000;

/** Exponential backoff: 30 s, 1 min, 2 min, 4 min … after the 1st, 2nd, 3rd … failure. */
export function retryDelayMs(failedAttempts: number): number {
  return FIRST_RETRY_MS * 2 ** (failedAttempts - 1);
}

export type Send = (url: string, headers: Record<string, string>, body: string) => Promise<{ status: number }>;

/** POSTs over HTTP with a timeout; any answer counts as a response, only 2xx as accepted. */
export const httpSend: Send = async (url, headers, body) => {
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000), redirect: 'manual' });
  await response.body?.cancel();
  return { status: response.status };
};

/**
 * Creates one pending delivery per matching active subscription for each event not yet fanned
 * out, and marks those events. Jobs run once across nodes, so passes never overlap.
 */
export async function fanOutEvents(db: Kysely<Database>, now = new Date()): Promise<number> {
  const events = await eventsAwaitingFanOut(db, 1000);
  if (events.length === 0) return 0;
  const subscriptions = await db.selectFrom('webhook_subscriptions').select(['id', 'event_types']).where('status', '=', 'active').execute();
  const wanted = subscriptions.map((s) => ({ id: s.id, types: new Set(JSON.parse(s.event_types) as string[]) }));
  let created = 0;
  await inTransaction(db, async (trx) => {
    for (const event of events) {
      for (const sub of wanted) {
        // A test ping goes to the subscription it tests, and to no other.
        if (event.type === 'webhook.ping' ? event.recordId !== sub.id : !sub.types.has(event.type) && !sub.types.has('*')) continue;
        await trx
          .insertInto('webhook_deliveries')
          .values({
            id: newId(),
            subscription_id: sub.id,
            event_id: event.id,
            status: 'pending',
            attempts: 0,
            next_attempt_at: now.toISOString(),
            last_status_code: null,
            last_error: null,
            created_at: now.toISOString(),
            delivered_at: null,
          })
          .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
          .execute();
        created++;
      }
    }
    await markFannedOut(
      trx,
      events.map((e) => e.id),
      now.toISOString(),
    );
  });
  return created;
}

export interface DeliveryPassResult {
  attempted: number;
  succeeded: number;
  failed: number;
}

/** Deliveries attempted per pass at most; the rest wait for the next one. */
const DUE_PER_PASS = 100;

/**
 * Up to 100 pending deliveries of active subscriptions that are due, earliest first, each with its
 * event. The outbox is the kernel's, so its rows come in one batch read after the deliveries rather
 * than through a join. A delivery whose event is missing is skipped, as the join did; the foreign
 * key from `webhook_deliveries.event_id` keeps that from happening, so one read fills the pass.
 */
async function dueDeliveries(db: Kysely<Database>, now: Date) {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_subscriptions', 'webhook_subscriptions.id', 'webhook_deliveries.subscription_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.attempts',
      'webhook_deliveries.event_id',
      'webhook_subscriptions.id as subscription_id',
      'webhook_subscriptions.url',
      'webhook_subscriptions.secret_sealed',
    ])
    .where('webhook_deliveries.status', '=', 'pending')
    .where('webhook_deliveries.next_attempt_at', '<=', now.toISOString())
    .where('webhook_subscriptions.status', '=', 'active')
    .orderBy('webhook_deliveries.next_attempt_at')
    .limit(DUE_PER_PASS)
    .execute();
  const events = new Map(
    (
      await eventsByIds(
        db,
        rows.map((r) => Number(r.event_id)),
      )
    ).map((e) => [e.id, e]),
  );
  return rows.flatMap((r) => {
    const event = events.get(Number(r.event_id));
    return event
      ? [{ id: r.id, attempts: r.attempts, subscription_id: r.subscription_id, url: r.url, secret_sealed: r.secret_sealed, event }]
      : [];
  });
}

/** Attempts every delivery that is due, signing each body with its subscription's secret. */
export async function deliverDueWebhooks(
  db: Kysely<Database>,
  box: SecretBox,
  now = new Date(),
  send: Send = httpSend,
): Promise<DeliveryPassResult> {
  const due = await dueDeliveries(db, now);
  const result: DeliveryPassResult = { attempted: 0, succeeded: 0, failed: 0 };
  const pausedNow = new Set<string>();
  for (const d of due) {
    // Paused during this pass: its remaining deliveries wait for the subscription to resume.
    if (pausedNow.has(d.subscription_id)) continue;
    const { event } = d;
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt,
      record: event.record,
      accountId: event.accountId,
      data: event.data,
    });
    const timestamp = Math.floor(now.getTime() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Outpost-Webhooks/1',
      'outpost-event': event.type,
      'outpost-delivery': d.id,
      'outpost-signature': signPayload(box.open(d.secret_sealed), timestamp, body),
    };
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = (await send(d.url, headers, body)).status;
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (err) {
      error = err instanceof Error ? err.message.slice(0, 500) : String(err);
    }
    const attempts = d.attempts + 1;
    const ok = error === null;
    result.attempted++;
    if (ok) result.succeeded++;
    else result.failed++;
    await inTransaction(db, async (trx) => {
      await trx
        .insertInto('webhook_attempts')
        .values({ delivery_id: d.id, attempted_at: now.toISOString(), status_code: status, duration_ms: Date.now() - started, error })
        .execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({
          attempts,
          last_status_code: status,
          last_error: error,
          status: ok ? 'succeeded' : attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          next_attempt_at: ok || attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
          delivered_at: ok ? now.toISOString() : null,
        })
        .where('id', '=', d.id)
        .execute();
      // Read afresh: earlier deliveries in this pass may have counted failures already.
      const current = await trx
        .selectFrom('webhook_subscriptions')
        .select(['consecutive_failures', 'status'])
        .where('id', '=', d.subscription_id)
        .executeTakeFirstOrThrow();
      const failures = ok ? 0 : current.consecutive_failures + 1;
      const pause = current.status === 'active' && failures >= PAUSE_AFTER_FAILURES;
      if (pause) pausedNow.add(d.subscription_id);
      await trx
        .updateTable('webhook_subscriptions')
        .set({
          consecutive_failures: failures,
          ...(pause
            ? { status: 'paused' as const, paused_reason: `Paused after ${failures} failed deliveries in a row (last: ${error})` }
            : {}),
          updated_at: now.toISOString(),
        })
        .where('id', '=', d.subscription_id)
        .execute();
      if (pause) {
        // The admins see this in the audit log and on the webhooks screen.
        await recordAudit(trx, SYSTEM_CONTEXT, {
          action: 'webhook.paused',
          recordType: 'webhook_subscription',
          recordId: d.subscription_id,
          changes: { status: ['active', 'paused'], consecutiveFailures: [current.consecutive_failures, failures] },
        });
      }
    });
  }
  return result;
}
