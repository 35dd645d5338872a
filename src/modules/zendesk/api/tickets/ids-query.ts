import { errors } from '../../../../kernel/errors.js';
import { MAX_PAGE_SIZE } from '../http/pagination.js';

/**
 * `?ids=1,2,3` (show_many, update_many, destroy_many, job_statuses/show_many): at most 100, each a
 * positive number (or, for job statuses, an id string); anything else is a 400 naming `ids`.
 */
export function numbersOf(ids: string | undefined): number[] {
  const list = listOf(ids);
  const numbers = list.map((part) => (/^\d{1,15}$/.test(part) ? Number(part) : NaN));
  if (numbers.some((n) => !Number.isSafeInteger(n) || n <= 0))
    throw errors.validation('ids: a comma-separated list of numbers', { location: 'querystring', field: 'ids' });
  return [...new Set(numbers)];
}

export function listOf(ids: string | undefined): string[] {
  const list = (ids ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!list.length) throw errors.zendeskIdsNeeded({ location: 'querystring', field: 'ids' });
  if (list.length > MAX_PAGE_SIZE) throw errors.zendeskTooManyRecords({ location: 'querystring', field: 'ids' });
  return list;
}
