import type { Generated } from 'kysely';

/** Domain events (the outbox every integration reads) and webhook subscriptions and deliveries. */
export interface EventTables {
  events: EventsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

export interface EventsTable {
  id: Generated<number>;
  type: string;
  occurred_at: string;
  record_type: string;
  record_id: string;
  account_id: string | null;
  payload: string; // JSON
  /** When the webhook fan-out handled it; null until then. */
  fanned_out_at: string | null;
}

export interface WebhookSubscriptionsTable {
  id: string;
  name: string;
  url: string;
  event_types: string; // JSON string[]
  /** AES-256-GCM sealed; the plain secret is shown once, at creation. */
  secret_sealed: string;
  status: 'active' | 'paused';
  consecutive_failures: number;
  paused_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  event_id: number;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  attempted_at: string;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
}
