import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { newId } from '../../../kernel/ids.js';
import { randomSecret } from '../../../kernel/secrets.js';
import { emitEvent, eventsByIds } from '../../../kernel/domain-events.js';
import type { SecretBox } from './secret-box.js';

export interface WebhookView {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  status: 'active' | 'paused';
  consecutiveFailures: number;
  pausedReason: string | null;
  createdAt: string;
}

type Row = Awaited<ReturnType<typeof findRow>> & object;

function findRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

function toView(r: Row): WebhookView {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    eventTypes: JSON.parse(r.event_types) as string[],
    status: r.status,
    consecutiveFailures: r.consecutive_failures,
    pausedReason: r.paused_reason,
    createdAt: r.created_at,
  };
}

export async function listWebhooks(db: Kysely<Database>): Promise<WebhookView[]> {
  return (await db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').execute()).map(toView);
}

export async function getWebhook(db: Kysely<Database>, id: string): Promise<WebhookView> {
  const row = await findRow(db, id);
  if (!row) throw errors.webhookNotFound();
  return toView(row);
}

/** Creates a subscription; its signing secret is in the return value only, sealed at rest. */
export async function createWebhook(
  db: Kysely<Database>,
  box: SecretBox,
  ctx: ChangeContext,
  input: { name: string; url: string; eventTypes: string[] },
): Promise<{ webhook: WebhookView; secret: string }> {
  const secret = `whsec_${randomSecret(24)}`;
  const id = newId();
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('webhook_subscriptions')
      .values({
        id,
        name: input.name,
        url: input.url,
        event_types: JSON.stringify([...new Set(input.eventTypes)]),
        secret_sealed: box.seal(secret),
        status: 'active',
        consecutive_failures: 0,
        paused_reason: null,
        created_by: ctx.memberId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'webhook.created',
      recordType: 'webhook_subscription',
      recordId: id,
      changes: diff(null, { name: input.name, url: input.url, eventTypes: input.eventTypes }),
    });
  });
  return { webhook: await getWebhook(db, id), secret };
}

export async function updateWebhook(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: {
    name?: string | undefined;
    url?: string | undefined;
    eventTypes?: string[] | undefined;
    status?: 'active' | 'paused' | undefined;
  },
): Promise<WebhookView> {
  const before = await getWebhook(db, id);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('webhook_subscriptions')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.eventTypes !== undefined ? { event_types: JSON.stringify([...new Set(input.eventTypes)]) } : {}),
        // Resuming clears the failure streak; its pending deliveries go out on the next pass.
        ...(input.status === 'active' ? { status: 'active' as const, consecutive_failures: 0, paused_reason: null } : {}),
        ...(input.status === 'paused' ? { status: 'paused' as const, paused_reason: 'Paused by an admin' } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = await findRow(trx, id);
    await recordAudit(trx, ctx, {
      action: 'webhook.updated',
      recordType: 'webhook_subscription',
      recordId: id,
      changes: diff({ ...before }, { ...toView(after!) }),
    });
  });
  return getWebhook(db, id);
}

export async function deleteWebhook(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const before = await getWebhook(db, id);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'webhook.deleted',
      recordType: 'webhook_subscription',
      recordId: id,
      changes: diff({ name: before.name, url: before.url }, null),
    });
  });
}

/** Queues a `webhook.ping` event for this subscription only, to test the receiver. */
export async function pingWebhook(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const hook = await getWebhook(db, id);
  await inTransaction(db, async (trx) => {
    await emitEvent(trx, {
      type: 'webhook.ping',
      recordType: 'webhook_subscription',
      recordId: id,
      accountId: null,
      payload: { subscription: hook.name },
    });
    await recordAudit(trx, ctx, { action: 'webhook.pinged', recordType: 'webhook_subscription', recordId: id });
  });
}

export interface DeliveryView {
  id: string;
  eventId: number;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: { at: string; statusCode: number | null; durationMs: number; error: string | null }[];
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** The delivery log of a subscription, newest first, with every attempt. */
export async function listDeliveries(db: Kysely<Database>, id: string, limit = 50): Promise<DeliveryView[]> {
  await getWebhook(db, id);
  const deliveries = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  // The outbox is the kernel's: the event types come in one batch read, not through a join. Every
  // delivery has its event (a foreign key), but one without would be left out, as the join did.
  const eventTypes = new Map(
    (
      await eventsByIds(
        db,
        deliveries.map((d) => Number(d.event_id)),
      )
    ).map((e) => [e.id, e.type]),
  );
  const rows = deliveries.flatMap((d) => {
    const type = eventTypes.get(Number(d.event_id));
    return type === undefined ? [] : [{ ...d, type }];
  });
  const attempts = rows.length
    ? await db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where(
          'delivery_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    eventId: Number(r.event_id),
    eventType: r.type,
    status: r.status,
    attempts: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) => ({ at: a.attempted_at, statusCode: a.status_code, durationMs: a.duration_ms, error: a.error })),
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
  }));
}

/** Sends a delivery again on the next pass, whatever its state; earlier attempts stay in the log. */
export async function redeliver(db: Kysely<Database>, ctx: ChangeContext, deliveryId: string): Promise<void> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'subscription_id', 'status'])
    .where('id', '=', deliveryId)
    .executeTakeFirst();
  if (!row) throw errors.deliveryNotFound();
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', next_attempt_at: nowIso() })
      .where('id', '=', deliveryId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'webhook.redelivery_requested',
      recordType: 'webhook_delivery',
      recordId: deliveryId,
      changes: { status: [row.status, 'pending'] },
    });
  });
}
