import {
  REQUEST_SORTS,
  REQUEST_STATUSES,
  REQUEST_VISIBILITIES,
  type RequestStatus,
  type RequestVisibility,
} from '../../../../../src/modules/feedback/contract/kinds';

/** Display names for feature requests' enums; the values come from the server's contract (kinds.ts). */

export { REQUEST_SORTS, REQUEST_STATUSES, REQUEST_VISIBILITIES, type RequestStatus, type RequestVisibility };
export type RequestSort = (typeof REQUEST_SORTS)[number];

export const STATUS_LABELS: Record<RequestStatus, string> = {
  under_review: 'Under review',
  planned: 'Planned',
  in_progress: 'In progress',
  shipped: 'Shipped',
  declined: 'Declined',
};
export const STATUS_COLORS: Record<RequestStatus, string> = {
  under_review: 'gray',
  planned: 'blue',
  in_progress: 'violet',
  shipped: 'teal',
  declined: 'red',
};

export const VISIBILITY_LABELS: Record<RequestVisibility, string> = { internal: 'Internal', public: 'Public' };

/** A status as the API hands it in a reference (`request.status` on an item is a plain string). */
export const statusLabel = (status: string) => STATUS_LABELS[status as RequestStatus] ?? status;
export const statusColor = (status: string) => STATUS_COLORS[status as RequestStatus] ?? 'gray';

const scoreFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** A score is ARR-weighted dollars; shown whole, without a currency sign, since it is a rank, not money. */
export const formatScore = (score: number) => scoreFormat.format(score);
