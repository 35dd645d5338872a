import type { FastifyRequest } from 'fastify';
import type { ZendeskJobStatus } from '../../contract/tickets.js';
import { apiUrl } from '../http/urls.js';
import type { StoredJobStatus } from './job-status-repository.js';

/** A job status as Zendesk shows it (Support API reference → Job Statuses). */
export function presentJobStatus(request: FastifyRequest, job: StoredJobStatus): ZendeskJobStatus {
  return {
    id: job.id,
    url: apiUrl(request, `/api/v2/job_statuses/${job.id}`),
    job_type: job.jobType,
    status: job.status,
    total: job.total,
    progress: job.progress,
    message: job.message,
    results: job.results,
  };
}
