import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors } from '../../../../kernel/errors.js';
import { actorOf } from '../../../../kernel/request-context.js';
import { idsQuery, jobStatusEnvelope, jobStatusListEnvelope, jobStatusParams } from '../../contract/tickets.js';
import { listOf } from './ids-query.js';
import { jobStatuses } from './job-status-repository.js';
import { presentJobStatus } from './present-job-status.js';

const tags = ['zendesk: job statuses'];

/** GET /job_statuses/:id and /job_statuses/show_many (Support API reference → Job Statuses): a caller sees its own jobs. */
export const jobStatusRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/job_statuses/show_many',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Show many job statuses (?ids=…)', querystring: idsQuery, response: { 200: jobStatusListEnvelope } },
    },
    async (request) => ({
      job_statuses: (await jobStatuses(db(), actorOf(request).memberId, listOf(request.query.ids))).map((job) =>
        presentJobStatus(request, job),
      ),
    }),
  );

  app.get(
    '/job_statuses/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Show a job status', params: jobStatusParams, response: { 200: jobStatusEnvelope } },
    },
    async (request) => {
      const [job] = await jobStatuses(db(), actorOf(request).memberId, [request.params.id]);
      if (!job) throw errors.zendeskJobStatusNotFound();
      return { job_status: presentJobStatus(request, job) };
    },
  );
};
