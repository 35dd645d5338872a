import type { ZENDESK_STATUSES } from '../../contract/tickets.js';

/**
 * Outpost's values in Zendesk's words and back (pure). Outpost's `on_hold` is Zendesk's `hold`;
 * a portal ticket came in through the web; a phone ticket through Zendesk's `voice` channel.
 */
type OutpostStatus = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
type ZendeskStatus = (typeof ZENDESK_STATUSES)[number];
type OutpostChannel = 'email' | 'portal' | 'api' | 'phone' | 'web';

export function zendeskStatus(status: OutpostStatus): ZendeskStatus {
  return status === 'on_hold' ? 'hold' : status;
}

export function outpostStatus(status: ZendeskStatus): OutpostStatus {
  return status === 'hold' ? 'on_hold' : status;
}

export function zendeskChannel(channel: OutpostChannel | 'email' | 'web' | 'api'): string {
  switch (channel) {
    case 'portal':
      return 'web';
    case 'phone':
      return 'voice';
    default:
      return channel;
  }
}

/** `via` as Zendesk shows it; Outpost keeps no addresses for the source. */
export function zendeskVia(channel: OutpostChannel) {
  return { channel: zendeskChannel(channel), source: { from: {}, to: {}, rel: null } };
}

/** Seconds since the epoch, as Zendesk's `generated_timestamp` and incremental exports count. */
export function epochSeconds(iso: string): number {
  return Math.floor(new Date(iso).getTime() / 1000);
}
