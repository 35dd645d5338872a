// Starts the workbench for the browser tests on a fresh PostgreSQL database: drops and recreates
// `outpost_e2e` next to the test database named by OUTPOST_TEST_POSTGRES_URL, then runs
// `outpost serve --seed-demo` on it in this process.
import pg from 'pg';

const base = process.env.OUTPOST_TEST_POSTGRES_URL;
if (!base) throw new Error('OUTPOST_TEST_POSTGRES_URL is not set');
const target = new URL(base);
const name = process.env.OUTPOST_E2E_DATABASE ?? 'outpost_e2e';
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name}`);
await admin.end();
target.pathname = `/${name}`;
process.env.DATABASE_URL = target.toString();
process.argv = [process.argv[0], 'outpost', 'serve', '--seed-demo'];
await import('../dist/src/cli/main.js');
