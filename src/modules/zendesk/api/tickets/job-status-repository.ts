import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';

/** One item's outcome in a bulk job, as Zendesk's job status `results` carry it. */
export interface JobResult {
  id?: number;
  index: number;
  action?: string;
  success?: boolean;
  status?: string;
  error?: string;
  details?: string;
}

export interface StoredJobStatus {
  id: string;
  jobType: string;
  status: 'queued' | 'working' | 'completed' | 'failed';
  total: number;
  progress: number;
  results: JobResult[];
  message: string | null;
}

/** Zendesk's job ids are 32 hex characters. */
export function newJobId(): string {
  return randomBytes(16).toString('hex');
}

export async function saveJobStatus(db: Kysely<Database>, memberId: string, job: StoredJobStatus, at = new Date()): Promise<void> {
  const iso = at.toISOString();
  await db
    .insertInto('zendesk_job_statuses')
    .values({
      id: job.id,
      member_id: memberId,
      job_type: job.jobType,
      status: job.status,
      total: job.total,
      progress: job.progress,
      results: JSON.stringify(job.results),
      message: job.message,
      created_at: iso,
      updated_at: iso,
    })
    .execute();
}

/** The jobs with these ids that this member started, in the order asked. */
export async function jobStatuses(db: Kysely<Database>, memberId: string, ids: readonly string[]): Promise<StoredJobStatus[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('zendesk_job_statuses')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        jobType: r.job_type,
        status: r.status,
        total: Number(r.total),
        progress: Number(r.progress),
        results: JSON.parse(r.results) as JobResult[],
        message: r.message,
      },
    ];
  });
}
