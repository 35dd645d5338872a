import type { CaseSet } from './write-case.js';

const entryBody = () => ({ question: 'Do you support SAML single sign-on?', longAnswer: 'Yes, SAML 2.0 and OIDC.', shortAnswer: 'yes' });
const missing = '/api/library/entries/no-such-entry';

/** The answer library's write routes (issue 16). */
export const presalesLibraryCases: CaseSet = {
  async fixtures({ admin }) {
    const entry = await admin.request({
      method: 'POST',
      url: '/api/library/entries',
      payload: { ...entryBody(), variants: ['Is SSO available?'], status: 'approved' },
    });
    const body = entry.json() as { id: string; variants: { id: string }[] };
    return { libraryEntryId: body.id, libraryVariantId: body.variants[0]!.id };
  },
  cases: {
    'POST /api/library/entries': {
      url: () => '/api/library/entries',
      validBody: () => entryBody(),
      wrongTypes: { body: { ...entryBody(), tags: 'sso' }, path: 'tags' },
    },
    'PATCH /api/library/entries/:id': {
      url: (f) => `/api/library/entries/${f.libraryEntryId}`,
      validBody: () => ({ longAnswer: 'Yes: SAML 2.0, OIDC and SCIM.' }),
      wrongTypes: { body: { reviewIntervalDays: 'twice a year' }, path: 'reviewIntervalDays' },
      unknownId: { url: missing, body: { longAnswer: 'x' }, code: 'library.entry_not_found' },
    },
    'DELETE /api/library/entries/:id': {
      url: () => missing,
      validBody: null,
      unknownId: { url: missing, code: 'library.entry_not_found' },
    },
    'POST /api/library/entries/:id/review': {
      url: (f) => `/api/library/entries/${f.libraryEntryId}/review`,
      validBody: () => ({ longAnswer: 'Still right.' }),
      wrongTypes: { body: { shortAnswer: true }, path: 'shortAnswer' },
      unknownId: { url: `${missing}/review`, body: {}, code: 'library.entry_not_found' },
    },
    'POST /api/library/entries/:id/approve': {
      url: (f) => `/api/library/entries/${f.libraryEntryId}/approve`,
      validBody: null,
      unknownId: { url: `${missing}/approve`, code: 'library.entry_not_found' },
    },
    'POST /api/library/entries/:id/archive': {
      url: (f) => `/api/library/entries/${f.libraryEntryId}/archive`,
      validBody: null,
      unknownId: { url: `${missing}/archive`, code: 'library.entry_not_found' },
    },
    'POST /api/library/entries/:id/restore': {
      url: (f) => `/api/library/entries/${f.libraryEntryId}/restore`,
      validBody: null,
      unknownId: { url: `${missing}/restore`, code: 'library.entry_not_found' },
    },
    'POST /api/library/entries/:id/variants': {
      url: (f) => `/api/library/entries/${f.libraryEntryId}/variants`,
      validBody: () => ({ text: 'Can we sign in through Okta?' }),
      wrongTypes: { body: { text: ['Okta?'] }, path: 'text' },
      unknownId: { url: `${missing}/variants`, body: { text: 'Okta?' }, code: 'library.entry_not_found' },
    },
    'DELETE /api/library/entries/:id/variants/:variantId': {
      url: (f) => `/api/library/entries/${f.libraryEntryId}/variants/${f.libraryVariantId}`,
      validBody: null,
      unknownId: { url: `${missing}/variants/no-such-variant`, code: 'library.entry_not_found' },
    },
    // multipart/form-data: the JSON cases (malformed, too large) still apply.
    'POST /api/library/import': { url: () => '/api/library/import', validBody: null },
  },
};
