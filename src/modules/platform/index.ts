/**
 * The platform module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { IDEMPOTENCY_EXPIRY_PASS_MS, expireIdempotencyKeys } from './idempotency/idempotency-expiry.js';
export { idempotencyPlugin, inTransactionWithAnswer } from './idempotency/idempotency-plugin.js';
export { createJobRunner } from './jobs/create-job-runner.js';
export type { JobRunner } from './jobs/job-runner.js';
export { addressOf, mailSettings } from './mail/mail-settings.js';
export type { MailSettings } from './mail/mail-settings.js';
export { deliverOutbox, enqueueEmail, outboxEmailStates } from './mail/outbox.js';
export type { MailTransport, OutboxEmailState, OutgoingAttachment } from './mail/outbox.js';
export { loadSecretBox } from './webhooks/secret-box.js';
export type { SecretBox } from './webhooks/secret-box.js';
export { deliverDueWebhooks, fanOutEvents } from './webhooks/webhook-dispatcher.js';
export { configureMetrics, type MetricsSource } from './system/system-routes.js';
export {
  notifyMembers,
  type NotificationMessage,
  type NotificationRecipient,
  type NotifyOptions,
} from './notifications/notification-service.js';
export { publicBaseUrl } from './notifications/public-url.js';
export { platformPlugin } from './plugin.js';
export { MAX_EXPORT_ROWS, sendListExport, joinNames, type ExportColumn, type ListExport } from './export/index.js';
