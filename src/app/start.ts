import type { FastifyInstance } from 'fastify';
import { connect, type Db } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { refreshAllRelationships } from '../modules/accounts/service.js';
import type { Config } from './config.js';
import { buildServer } from './server.js';

export interface RunningWorkbench {
  app: FastifyInstance;
  db: Db;
  url: string;
  stop(): Promise<void>;
}

const RELATIONSHIP_REFRESH_MS = 6 * 60 * 60 * 1000;

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

  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    app,
    db,
    url: `http://${shownHost}:${config.port}`,
    stop: async () => {
      clearInterval(timer);
      await app.close();
      await db.close();
    },
  };
}
