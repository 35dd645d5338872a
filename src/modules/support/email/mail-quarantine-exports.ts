// What the support module's index exports of the raw-mail keeping and the quarantine (one line there).
export { expireRawMail, RAW_MAIL_RETENTION_PASS_MS } from './raw-mail.js';
export { mailMetrics } from './mail-metrics.js';
