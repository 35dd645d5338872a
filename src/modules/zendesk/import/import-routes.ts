import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { importRunDetailSchema, importRunListSchema } from '../contract/import-runs.js';
import { countSkips, findRun, listRuns, runSkips } from './import-run-repository.js';

const tags = ['imports'];
const SKIPS_SHOWN = 1000;

/** The importer's runs, for the admin screen: what each brought in, and every row it did not, with the reason. */
export const importRunRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/imports',
    {
      config: { access: 'support.manage' },
      schema: { tags, summary: 'Import runs, newest first (the last 100)', response: { 200: importRunListSchema } },
    },
    async () => {
      const runs = await listRuns(db(), 100);
      return { items: await Promise.all(runs.map(async (r) => ({ ...viewOf(r), skipCount: await countSkips(db(), r.id) }))) };
    },
  );

  app.get(
    '/api/imports/:id',
    {
      config: { access: 'support.manage' },
      schema: {
        tags,
        summary: 'One import run with its skipped rows',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: importRunDetailSchema },
      },
    },
    async (request) => {
      const run = await findRun(db(), request.params.id);
      if (!run) throw errors.importRunNotFound();
      return { ...viewOf(run), skipCount: await countSkips(db(), run.id), skips: await runSkips(db(), run.id, SKIPS_SHOWN) };
    },
  );
};

function viewOf(run: Awaited<ReturnType<typeof listRuns>>[number]) {
  return {
    id: run.id,
    source: run.source,
    status: run.status,
    counts: run.counts,
    startedAt: run.startedAt,
    updatedAt: run.updatedAt,
    finishedAt: run.finishedAt,
  };
}
