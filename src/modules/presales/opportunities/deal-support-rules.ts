import { OPEN_DEAL_SUPPORT_STATUSES, type DealSupportStatus } from '../contract/kinds.js';

/**
 * Where a deal-support request may go from each status. Work moves forward (new → accepted →
 * in progress → done); an engineer can hand an accepted request back, pause one in progress,
 * reopen a finished one, and a declined request can be asked again (back to new).
 */
const NEXT: Record<DealSupportStatus, readonly DealSupportStatus[]> = {
  new: ['accepted', 'in_progress', 'done', 'declined'],
  accepted: ['new', 'in_progress', 'done', 'declined'],
  in_progress: ['accepted', 'done', 'declined'],
  done: ['in_progress'],
  declined: ['new'],
};

export function canMove(from: DealSupportStatus, to: DealSupportStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

export function isOpenRequest(status: DealSupportStatus): boolean {
  return OPEN_DEAL_SUPPORT_STATUSES.includes(status);
}

/** An open request due before `today` (both YYYY-MM-DD, UTC). */
export function isOverdue(r: { status: DealSupportStatus; dueDate: string | null }, today: string): boolean {
  return isOpenRequest(r.status) && r.dueDate !== null && r.dueDate < today;
}
