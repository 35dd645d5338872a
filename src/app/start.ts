import type { FastifyInstance } from 'fastify';
import { connect, type Db } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { refreshAllRelationships } from '../modules/accounts/service.js';
import { runEscalationRules } from '../modules/support/escalation-rule-service.js';
import { sweepSlaBreaches } from '../modules/support/sla-service.js';
import { deliverDueWebhooks, fanOutEvents } from '../modules/platform/webhooks/webhook-dispatcher.js';
import { startEmailChannel } from '../modules/support/email/channel.js';
import type { Config } from './config.js';
import { buildServer } from './server.js';

export interface RunningWorkbench {
  app: FastifyInstance;
  db: Db;
  url: string;
  stop(): Promise<void>;
}

const RELATIONSHIP_REFRESH_MS = 6 * 60 * 60 * 1000;
const SUPPORT_PASS_MS = 60 * 1000;
const WEBHOOK_PASS_MS = 5 * 1000;

/** Opens and migrates the database, starts the HTTP server and the in-process schedule. */
export async function startWorkbench(config: Config, beforeListen?: (db: Db) => Promise<void>): Promise<RunningWorkbench> {
  const db = connect(config.databaseUrl);
  await migrateToLatest(db);
  if (beforeListen) await beforeListen(db);
  const app = await buildServer({ db, config });
  await app.listen({ port: config.port, host: config.host });

  // Relationship depth uses a rolling window, so it drifts even when nothing is written.
  const refresh = () =>
    refreshAllRelationships(db.kysely).catch((err: unknown) => app.log.error({ err }, 'relationship refresh failed'));
  const timer = setInterval(refresh, RELATIONSHIP_REFRESH_MS);
  timer.unref();
  void refresh();

  // SLA breaches and escalation rules: once a minute on the in-process schedule (SQLite, one node).
  const supportPass = async () => {
    try {
      await sweepSlaBreaches(db.kysely);
      await runEscalationRules(db.kysely);
    } catch (err) {
      app.log.error({ err }, 'support schedule failed');
    }
  };
  const supportTimer = setInterval(() => void supportPass(), SUPPORT_PASS_MS);
  supportTimer.unref();

  // Webhooks: fan new events out to subscriptions and send what is due, every few seconds.
  const webhookPass = async () => {
    try {
      await fanOutEvents(db.kysely);
      await deliverDueWebhooks(db.kysely, app.secretBox);
    } catch (err) {
      app.log.error({ err }, 'webhook delivery failed');
    }
  };
  const webhookTimer = setInterval(() => void webhookPass(), WEBHOOK_PASS_MS);
  webhookTimer.unref();

  // E-mail: outbox delivery when OUTPOST_SMTP_URL is set, the SMTP listener when its port is.
  const emailChannel = await startEmailChannel(db.kysely, app.log);

  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    app,
    db,
    url: `http://${shownHost}:${config.port}`,
    stop: async () => {
      clearInterval(timer);
      clearInterval(supportTimer);
      clearInterval(webhookTimer);
      await emailChannel.stop();
      await app.close();
      await db.close();
    },
  };
}
