import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connect.js';
import { freshDatabase, testDialects } from '../../../db/test-database.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { seedDemoPresalesLibrary } from '../../../db/seed/demo-presales-library.js';
import { insertEntries, type NewEntryValues } from './entry-rows.js';
import { suggestAnswers } from './suggest.js';
import { searchTermsOf, stem } from './text-terms.js';

describe('library search terms', () => {
  it('joins inflections and drops boilerplate', () => {
    expect(stem('encryption')).toBe(stem('encrypted'));
    expect(stem('encrypts')).toBe(stem('encrypting'));
    expect(stem('backups')).toBe('backup');
    expect(stem('policies')).toBe(stem('policy'));
    expect(stem('authentication')).toBe(stem('authenticated'));
    expect(stem('logged')).toBe(stem('logging'));
    expect(stem('access')).toBe('access');
    expect(searchTermsOf('Please describe whether your company encrypts data at rest.')).toEqual([stem('encrypts'), 'data', 'rest']);
  });
});

const LONG_AGO = '2020-01-01T00:00:00.000Z';

const library: NewEntryValues[] = [
  {
    question: 'Is customer data encrypted at rest?',
    variants: ['Do you encrypt stored data?', 'What encryption protects data at rest?'],
    shortAnswer: 'yes',
    longAnswer: 'All customer data is encrypted at rest with AES-256; keys are managed in a cloud KMS and rotated yearly.',
    status: 'approved',
  },
  {
    question: 'Is data encrypted in transit?',
    variants: ['Do you use TLS for all connections?'],
    shortAnswer: 'yes',
    longAnswer: 'All traffic uses TLS 1.2 or later with modern cipher suites; HSTS is enabled.',
    status: 'approved',
  },
  {
    question: 'Do you support single sign-on with SAML 2.0?',
    variants: ['Can users log in through our identity provider (Okta, Azure AD)?', 'Is SSO available?'],
    shortAnswer: 'yes',
    longAnswer: 'SAML 2.0 and OpenID Connect single sign-on work with Okta, Azure AD, Google Workspace and any compliant IdP.',
    status: 'approved',
  },
  {
    question: 'How often are backups taken and what are your RPO and RTO?',
    variants: ['Describe your backup and disaster recovery objectives.'],
    longAnswer: 'Backups run every hour with point-in-time recovery; RPO is one hour and RTO four hours.',
    status: 'approved',
    lastReviewedAt: LONG_AGO,
  },
  {
    question: 'Do you hold a SOC 2 Type II report?',
    variants: ['Can you share your SOC 2 attestation?'],
    shortAnswer: 'yes',
    longAnswer: 'Our SOC 2 Type II report covers security, availability and confidentiality; available under NDA.',
    status: 'draft',
  },
  {
    question: 'Are penetration tests performed by a third party?',
    longAnswer: 'An independent firm tests the application and infrastructure every year.',
    status: 'archived',
  },
];

describe.each(testDialects())('answer suggestions on %s', (dialect) => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase(dialect);
    await inTransaction(db.kysely, (trx) => insertEntries(trx, library, null, new Date().toISOString()));
  });
  afterAll(async () => db.close());

  it('matches a question asked in the words of a variant', async () => {
    const [s] = await suggestAnswers(db.kysely, ['Can our users log in through our identity provider?']);
    expect(s?.question).toBe('Do you support single sign-on with SAML 2.0?');
    expect(s?.shortAnswer).toBe('yes');
    expect(s?.stale).toBe(false);
  });

  it('scores an identical question 100 and a reworded one lower, on the same scale for short and long questions', async () => {
    const [exact, reworded, longExact] = await suggestAnswers(
      db.kysely,
      [
        'Is customer data encrypted at rest?',
        'Is all of the data at rest encrypted, including customer files?',
        'How often are backups taken and what are your RPO and RTO?',
      ],
      { threshold: 0 },
    );
    expect(exact?.score).toBe(100);
    expect(longExact?.score).toBe(100);
    expect(reworded?.question).toBe('Is customer data encrypted at rest?');
    expect(reworded!.score).toBeLessThan(100);
    expect(reworded!.score).toBeGreaterThan(45);
  });

  it('returns null below the threshold and for questions the library does not cover', async () => {
    const [weak] = await suggestAnswers(db.kysely, ['What data do you collect from visitors?'], { threshold: 0 });
    expect(weak).not.toBeNull();
    const cut = await suggestAnswers(
      db.kysely,
      ['What data do you collect from visitors?', 'What is the capital of Peru?', '', 'Please describe'],
      {
        threshold: weak!.score + 1,
      },
    );
    expect(cut).toEqual([null, null, null, null]);
  });

  it('flags a stale entry and never suggests drafts or archived entries', async () => {
    const [backup, soc2, pentest] = await suggestAnswers(db.kysely, [
      'What are your RPO and RTO for backups?',
      'Do you hold a SOC 2 Type II report?',
      'Are penetration tests performed by a third party?',
    ]);
    expect(backup?.stale).toBe(true);
    expect(backup?.question).toMatch(/backups/);
    expect(soc2?.question ?? null).not.toBe('Do you hold a SOC 2 Type II report?');
    expect(pentest?.question ?? null).not.toBe('Are penetration tests performed by a third party?');
  });

  it('sees entries written after the first call (the index is rebuilt when the library changes)', async () => {
    expect((await suggestAnswers(db.kysely, ['Do you offer a 99.9% uptime SLA?']))[0]).toBeNull();
    await inTransaction(db.kysely, (trx) =>
      insertEntries(
        trx,
        [{ question: 'What uptime SLA do you offer?', longAnswer: '99.9% monthly uptime, with service credits.', status: 'approved' }],
        null,
        new Date().toISOString(),
      ),
    );
    expect((await suggestAnswers(db.kysely, ['Do you offer a 99.9% uptime SLA?']))[0]?.question).toBe('What uptime SLA do you offer?');
  });
});

describe('answer suggestions against the demo library', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase('sqlite');
    await seedDemoPresalesLibrary(db.kysely, new Date());
  });
  afterAll(async () => db.close());

  it('finds the right entry for questions worded differently, above the default threshold', async () => {
    const expected: [string, string][] = [
      ['Is all data encrypted at rest using AES-256 or equivalent?', 'Is customer data encrypted at rest?'],
      ['Does the vendor support SAML-based SSO?', 'Do you support single sign-on via SAML 2.0?'],
      ['Please describe your backup strategy and retention.', 'How often do you back up customer data?'],
      ['Provide a list of all subprocessors.', 'Do you use sub-processors, and can you provide a list?'],
      ['Is multi-factor authentication required for administrative access?', 'Do you support multi-factor authentication?'],
      ["What is the vendor's policy on data deletion after contract termination?", 'What happens to our data when the contract ends?'],
      ['Do you have SOC2 Type 2?', 'Do you have a current SOC 2 Type II report?'],
      ['Is TLS 1.2 or higher used for data in transit?', 'Is data encrypted in transit?'],
    ];
    const found = await suggestAnswers(
      db.kysely,
      expected.map(([q]) => q),
    );
    expect(found.map((s) => s?.question ?? null)).toEqual(expected.map(([, entry]) => entry));
    // Stale demo entries come back flagged.
    expect(found[3]?.stale).toBe(true);
    expect(found[7]?.stale).toBe(true);
  });

  it('suggests nothing for questions the library does not answer', async () => {
    const none = await suggestAnswers(db.kysely, [
      'Describe your company approach to diversity and inclusion.',
      'How many employees does your company have?',
      'What is your annual revenue?',
      'Do you offer on-site training for end users?',
      'How do you handle customer support requests?',
      // The draft about AI training is never suggested.
      'Do you use customer data to train machine learning models?',
    ]);
    expect(none).toEqual([null, null, null, null, null, null]);
  });
});
