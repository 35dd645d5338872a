import { spawn } from 'node:child_process';

/** The PostgreSQL client programs a backup or restore runs; named in the error when one is missing. */
export type PgTool = 'pg_dump' | 'pg_restore';

export class MissingToolError extends Error {
  constructor(readonly tool: PgTool) {
    super(
      `${tool} was not found on the PATH. Backups of a PostgreSQL database use PostgreSQL's client tools: ` +
        `install them (Debian/Ubuntu: apt-get install postgresql-client; the major version should be the server's or newer) and try again.`,
    );
  }
}

/**
 * Runs a PostgreSQL client tool to completion; its stderr is kept for the error message. `env`
 * replaces the environment (tests run with a PATH that lacks the tool).
 */
export function runPgTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 64_000) stderr += chunk;
    });
    child.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new MissingToolError(tool) : err));
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool} failed (exit code ${code}): ${stderr.trim() || 'no message'}`));
    });
  });
}
