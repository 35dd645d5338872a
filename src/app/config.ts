import path from 'node:path';
import { parseDatabaseReadUrls, parseReplicaMaxLagBytes } from '../db/replicas/read-replica-settings.js';

export interface Config {
  databaseUrl: string;
  /** PostgreSQL read replicas (`DATABASE_READ_URL`, comma-separated); empty for none. */
  databaseReadUrls: string[];
  /** A replica further behind the primary is skipped (`OUTPOST_REPLICA_MAX_LAG_BYTES`; 0: no limit). */
  replicaMaxLagBytes: number;
  port: number;
  host: string;
  /** Where the built web app lives; the server serves it when the folder exists. */
  webRoot: string;
  /** Cookies get the Secure flag when the workbench is served over HTTPS. */
  secureCookies: boolean;
  sessionDays: number;
  logLevel: string;
  /** Files that belong to this workbench: attachments, the secret key. */
  dataDir: string;
}

/** Reads the configuration from the environment, with the defaults a first run needs. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL ?? path.resolve('data', 'outpost.db'),
    // A malformed value stops start-up with the reason, rather than quietly reading from the primary.
    databaseReadUrls: parseDatabaseReadUrls(env.DATABASE_READ_URL),
    replicaMaxLagBytes: parseReplicaMaxLagBytes(env.OUTPOST_REPLICA_MAX_LAG_BYTES),
    port: Number(env.PORT ?? 3000),
    // Reachable from this machine only until HOST says otherwise: a first run should not publish
    // a demo workspace (whose generated password the start-up banner prints) to the network.
    host: env.HOST ?? '127.0.0.1',
    webRoot: env.OUTPOST_WEB_ROOT ?? path.resolve('dist', 'web'),
    secureCookies: env.OUTPOST_SECURE_COOKIES === 'true',
    sessionDays: Number(env.OUTPOST_SESSION_DAYS ?? 14),
    logLevel: env.LOG_LEVEL ?? 'info',
    dataDir: path.resolve(env.OUTPOST_DATA_DIR ?? 'data'),
  };
}
