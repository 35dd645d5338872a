import type { QuarantineReason } from './api';

/** How each quarantine reason is named and coloured on the screen. */
export const REASON_LABELS: Record<QuarantineReason, { label: string; color: string; hint: string }> = {
  automated: { label: 'Ignored', color: 'gray', hint: 'An auto-reply, bounce, bulk mail or a loop of our own mail' },
  undecodable: { label: 'Not decodable', color: 'orange', hint: 'An unknown charset or a broken encoding: the text may be garbled' },
  refused: { label: 'Refused', color: 'red', hint: 'Received, but not readable as a mail (the sender was told)' },
};
