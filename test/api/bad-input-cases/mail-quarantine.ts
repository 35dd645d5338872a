import type { CaseSet } from './write-case.js';

/** The mail quarantine's write routes (src/modules/support/email/quarantine-routes.ts). */
export const mailQuarantineCases: CaseSet = {
  cases: {
    'POST /api/inbound/quarantine/:id/release': {
      url: () => '/api/inbound/quarantine/no-such-mail/release',
      validBody: null,
      unknownId: { url: '/api/inbound/quarantine/no-such-mail/release', code: 'email.quarantine_not_found' },
    },
    'DELETE /api/inbound/quarantine/:id': {
      url: () => '/api/inbound/quarantine/no-such-mail',
      validBody: null,
      unknownId: { url: '/api/inbound/quarantine/no-such-mail', code: 'email.quarantine_not_found' },
    },
  },
};
