import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database } from '../../../db/schema.js';
import type { JobRunner } from '../../platform/index.js';
import { deliverOutbox, type MailTransport } from '../../platform/index.js';
import { addressOf, mailSettings, type MailSettings } from '../../platform/index.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const OUTBOX_PASS_MS = 10_000;

/** One outbox delivery pass, logged; never throws. */
function outboxPass(db: Kysely<Database>, transport: MailTransport, options: { from: string; log: Log }): () => Promise<void> {
  return async () => {
    try {
      const result = await deliverOutbox(db, transport, new Date(), { from: options.from });
      if (result.sent || result.retried || result.failed) options.log.info({ ...result }, 'outbox delivery pass');
    } catch (err) {
      options.log.error({ err }, 'outbox delivery pass failed');
    }
  };
}

/** The outbox delivery loop: one pass every ~10 s, never two at once. */
export function startOutboxWorker(
  db: Kysely<Database>,
  transport: MailTransport,
  options: { from: string; log: Log; intervalMs?: number },
): () => void {
  let running = false;
  const deliver = outboxPass(db, transport, options);
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await deliver();
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void pass(), options.intervalMs ?? OUTBOX_PASS_MS);
  timer.unref();
  void pass();
  return () => clearInterval(timer);
}

export interface EmailChannel {
  smtpListener: SmtpListener | null;
  stop(): Promise<void>;
}

/**
 * Starts what the environment configures: outbound delivery when `OUTPOST_SMTP_URL` is set (else
 * mail stays queued, with one warning), the SMTP listener when `OUTPOST_SMTP_LISTEN_PORT` is.
 */
export async function startEmailChannel(
  db: Kysely<Database>,
  log: Log,
  settings: MailSettings = mailSettings(),
  jobs?: JobRunner,
): Promise<EmailChannel> {
  let stopWorker: (() => void) | null = null;
  let transport: nodemailer.Transporter | null = null;
  if (settings.smtpUrl) {
    transport = nodemailer.createTransport(settings.smtpUrl);
    // With a job runner (the workbench's), delivery runs once across nodes; without, on its own timer.
    if (jobs) jobs.schedule('email-outbox', OUTBOX_PASS_MS, outboxPass(db, transport, { from: settings.from, log }), { runAtStart: true });
    else stopWorker = startOutboxWorker(db, transport, { from: settings.from, log });
  } else {
    log.warn({}, 'OUTPOST_SMTP_URL is not set: outbound e-mail (replies to requesters) stays queued in the outbox until it is');
  }
  let listener: SmtpListener | null = null;
  if (settings.listenPort !== null) {
    try {
      listener = await startSmtpListener(db, {
        port: settings.listenPort,
        host: settings.listenHost,
        maxMessageBytes: settings.maxMessageBytes,
        ownAddress: addressOf(settings.from),
        log,
      });
      log.info({ host: settings.listenHost, port: listener.port }, 'SMTP listener for inbound e-mail started');
    } catch (err) {
      log.error({ err, port: settings.listenPort }, 'SMTP listener could not start; inbound e-mail over SMTP is off');
    }
  }
  return {
    smtpListener: listener,
    stop: async () => {
      stopWorker?.();
      transport?.close();
      await listener?.close();
    },
  };
}
