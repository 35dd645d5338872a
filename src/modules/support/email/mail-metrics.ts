import { Counter, Gauge } from 'prom-client';
import type { MetricsSource } from '../../platform/index.js';
import { QUARANTINE_REASONS } from '../contract/mail-quarantine.js';
import { acceptedMailCount, quarantineCounts } from './quarantine.js';

/**
 * The inbound mail figures on /metrics, read from the database when scraped so every node reports
 * the same: quarantined mail still waiting, by reason, and every mail accepted so far (the inbound
 * log only grows, so it is a counter).
 */
export const mailMetrics: MetricsSource = (registry, db) => {
  new Gauge({
    name: 'outpost_mail_quarantined',
    help: 'Inbound mail waiting in quarantine (not released), by reason',
    labelNames: ['reason'],
    registers: [registry],
    async collect() {
      const counts = await quarantineCounts(db);
      for (const reason of QUARANTINE_REASONS) this.set({ reason }, counts[reason]);
    },
  });
  new Counter({
    name: 'outpost_mail_accepted_total',
    help: 'Inbound mail accepted and kept (tickets, replies, ignored and quarantined mail)',
    registers: [registry],
    async collect() {
      const total = await acceptedMailCount(db);
      this.reset();
      this.inc(total);
    },
  });
};
