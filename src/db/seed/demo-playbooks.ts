import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { SYSTEM_CONTEXT, type Actor } from '../../kernel/actor.js';
import { permissionsFor } from '../../modules/identity/index.js';
import { saveMacro } from '../../modules/support/index.js';
import { saveRunbook } from '../../modules/support/index.js';

/** Runbooks Tier 1 follows for the demo's routine cases, and the team's shared macros. */
export async function seedDemoPlaybooks(db: Kysely<Database>, owner: { id: string; name: string; email: string }): Promise<void> {
  const ctx = SYSTEM_CONTEXT;
  await saveRunbook(db, ctx, null, {
    title: 'SSO login loop',
    description: 'Users are sent back to the sign-in page after the identity provider redirects them.',
    tags: ['sso', 'login'],
    keywords: ['sso', 'sign-in page', 'idp', 'redirect'],
    status: 'active',
    ownerId: owner.id,
    steps: [
      {
        instruction: 'Ask for the time of a failed attempt and the user’s e-mail.',
        expectedResult: 'A timestamp and an address',
        inputLabel: 'Failed attempt (time, user)',
      },
      {
        instruction: 'Check the SAML settings page: entity ID and ACS URL must match the IdP app.',
        expectedResult: 'Both values match',
        inputLabel: 'IdP entity ID',
      },
      {
        instruction: 'Compare the IdP signing certificate’s fingerprint and expiry with ours.',
        expectedResult: 'Same fingerprint, not expired',
      },
      {
        instruction: 'Check the customer’s clock skew in the SAML response (NotBefore / NotOnOrAfter).',
        expectedResult: 'Less than 3 minutes of skew',
      },
      { instruction: 'Have the user clear cookies for our domain and try once more.', expectedResult: 'The user lands on the dashboard' },
    ],
  });
  await saveRunbook(db, ctx, null, {
    title: 'Export job times out',
    description: 'Scheduled CSV exports fail with a timeout.',
    tags: ['export', 'performance'],
    keywords: ['export', 'timeout', 'csv'],
    status: 'active',
    ownerId: owner.id,
    steps: [
      {
        instruction: 'Find the failed job in the job history and note its run time and row count.',
        expectedResult: 'A run time close to 30 minutes',
        inputLabel: 'Rows exported before the timeout',
      },
      {
        instruction: 'Check whether the export has a date filter; without one it exports the whole history.',
        expectedResult: 'A date filter is set',
      },
      {
        instruction: 'Suggest splitting the export by month or switching to the incremental export.',
        expectedResult: 'The customer agrees to try it',
      },
    ],
  });
  await saveRunbook(db, ctx, null, {
    title: 'Password reset e-mails not arriving',
    description: 'Users do not receive password reset mails.',
    tags: ['email', 'login'],
    keywords: ['password reset', 'e-mail', 'spam'],
    status: 'active',
    ownerId: owner.id,
    steps: [
      {
        instruction: 'Look the address up in the mail log: was the mail sent, bounced or deferred?',
        expectedResult: 'A delivery status',
        inputLabel: 'Mail log status',
      },
      {
        instruction: 'If it bounced, ask the customer’s IT admin to allow-list our sending domain.',
        expectedResult: 'IT confirms the allow-list entry',
      },
      { instruction: 'Send a test reset and confirm it arrives.', expectedResult: 'The user receives it within 2 minutes' },
    ],
  });

  // Shared macros need an actor allowed to share them.
  const actor: Actor = {
    type: 'member',
    memberId: owner.id,
    tokenId: null,
    name: owner.name,
    email: owner.email,
    roles: ['support_tier2'],
    permissions: permissionsFor(['support_tier2']),
    session: null,
  };
  const macro = (title: string, body: string, actions: Record<string, unknown>) =>
    saveMacro(db, ctx, actor, null, { title, body, visibility: 'public', actions, shared: true });
  await macro(
    'Ask for logs',
    'Hi {{requester.first_name}},\n\nThanks for reporting this. Could you send us the application logs from the time it happened (Settings → Diagnostics → Download logs)? That lets us see exactly what went wrong.\n\nBest,\n{{agent.name}}',
    { status: 'pending', addTags: ['waiting-for-logs'] },
  );
  await macro(
    'Solved: configuration fixed',
    'Hi {{requester.first_name}},\n\nWe changed the configuration for {{account.name}} and the problem is gone on our side. If it comes back, just reply to this e-mail and ticket #{{ticket.number}} reopens.\n\nBest,\n{{agent.name}}',
    { status: 'solved' },
  );
  await macro(
    'API rate limits explained',
    'Hi {{requester.first_name}},\n\nThe API allows 600 requests a minute per token; a 429 answer carries a Retry-After header with the seconds to wait. Batch endpoints let you send up to 100 records per request, which usually keeps a sync well under the limit.\n\nBest,\n{{agent.name}}',
    { addTags: ['rate-limit'] },
  );
}
