/** Header access as mailparser offers it: lower-case names, values as strings or structures. */
export interface HeaderLookup {
  get(name: string): unknown;
}

const SYSTEM_SENDERS = /^(mailer-daemon|postmaster|mail-daemon|noreply-dmarc-support)@/i;

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value && typeof (value as { value: unknown }).value === 'string')
    return (value as { value: string }).value;
  return '';
}

/**
 * Why a mail is machine-generated — an out-of-office, a bounce, a bulk mailing — or null for a
 * person's mail. Answering these (or opening tickets from them) only feeds mail loops
 * (RFC 3834: Auto-Submitted; RFC 3464: delivery status reports).
 */
export function automatedMailReason(headers: HeaderLookup, sender: string): string | null {
  const autoSubmitted = text(headers.get('auto-submitted')).trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = text(headers.get('precedence')).trim().toLowerCase();
  if (['bulk', 'junk', 'auto_reply'].includes(precedence)) return `Precedence: ${precedence}`;
  if (headers.get('x-autoreply') || headers.get('x-autorespond')) return 'X-Autoreply';
  if (SYSTEM_SENDERS.test(sender)) return `sent by ${sender.split('@')[0]}`;
  const contentType = text(headers.get('content-type')).toLowerCase();
  if (contentType.startsWith('multipart/report')) return 'delivery status report';
  return null;
}
