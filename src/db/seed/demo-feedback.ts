import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ChangeContext } from '../../kernel/actor.js';
import { createEngineeringIssue, createFeatureRequest, createFeedbackItem, updateFeatureRequest } from '../../modules/feedback/index.js';
import type { Impact } from '../../modules/feedback/contract/kinds.js';
import type { CreateRequestInput } from '../../modules/feedback/contract/requests.js';
import { SeededRandom } from './random.js';

/** Demo feature requests: a spread of statuses, owners and areas, as a product team would keep them. */
const REQUESTS: (CreateRequestInput & { asks: readonly string[] })[] = [
  {
    title: 'SAML single sign-on for the admin console',
    description: 'Sign in to the admin console through the customer’s identity provider (Okta, Azure AD, ADFS).',
    productArea: 'Identity',
    status: 'in_progress',
    targetRelease: '5.2',
    visibility: 'public',
    asks: ['Our security team will not approve rollout without SAML.', 'We need SSO before onboarding the second business unit.'],
  },
  {
    title: 'Scheduled CSV export of usage reports',
    description: 'E-mail a CSV of the monthly usage report to a distribution list on a schedule.',
    productArea: 'Reporting',
    status: 'planned',
    targetRelease: '5.3',
    visibility: 'public',
    asks: ['Finance pulls this report by hand every month.', 'A scheduled export would save our analysts a day a month.'],
  },
  {
    title: 'Audit log retention beyond 90 days',
    description: 'Keep audit entries for a configurable period (one to seven years) for regulated customers.',
    productArea: 'Admin console',
    status: 'under_review',
    visibility: 'internal',
    asks: ['Our auditors require a year of audit history.', 'Regulation requires seven years of access records.'],
  },
  {
    title: 'Webhook retries with exponential back-off',
    description: 'Retry failed webhook deliveries with back-off and show the delivery history.',
    productArea: 'Integrations',
    status: 'shipped',
    targetRelease: '5.1',
    visibility: 'public',
    asks: ['We lose events whenever our receiver restarts.'],
  },
  {
    title: 'Custom roles with field-level permissions',
    description: 'Define roles beyond the built-in ones, down to which fields a role may edit.',
    productArea: 'Admin console',
    status: 'under_review',
    visibility: 'internal',
    asks: ['Contractors must not see pricing fields.', 'We want a read-only auditor role.'],
  },
  {
    title: 'Offline mode for the field app',
    description: 'Work on site without connectivity and sync when back online.',
    productArea: 'Mobile',
    status: 'declined',
    visibility: 'internal',
    asks: ['Our plants have no signal on the shop floor.'],
  },
];

const IMPACTS: Impact[] = ['blocker', 'important', 'important', 'nice_to_have'];

/**
 * Demo product feedback (issue 14): feature requests with items from the demo accounts in the
 * customers' words — captured from tickets and by hand — a few still unlinked in the inbox, and
 * one request shipped (its customers were told). Written through the feedback services.
 */
export async function seedDemoFeedback(db: Kysely<Database>): Promise<{ requests: number; items: number }> {
  const rnd = new SeededRandom(14_014);
  const tams = await db
    .selectFrom('member_roles')
    .select('member_id')
    .where('role', 'in', ['technical_account_manager', 'customer_success', 'solutions_architect'])
    .execute();
  const ctxOf = (memberId: string): ChangeContext => ({ actorType: 'member', actorId: memberId, memberId, ip: null });
  const owner = tams[0]!.member_id;
  const accounts = await db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('name', '!=', 'Unassigned senders')
    .orderBy('arr', 'desc')
    .limit(18)
    .execute();
  const tickets = await db.selectFrom('tickets').select(['id', 'account_id', 'requester_id']).orderBy('number').limit(200).execute();
  let items = 0;
  for (const [index, request] of REQUESTS.entries()) {
    const { asks, status, ...fields } = request;
    const ctx = ctxOf(tams[index % tams.length]!.member_id);
    // Created as under review, items linked, then moved on: shipping tells the customers who asked.
    const id = await createFeatureRequest(db, ctx, { ...fields, ownerId: owner, status: status === 'shipped' ? 'in_progress' : status });
    const askers = rnd.sample(accounts, 2 + ((index * 3) % 5));
    for (const [n, account] of askers.entries()) {
      const ticket = tickets.find((t) => t.account_id === account.id);
      await createFeedbackItem(db, ctx, {
        ...(ticket && n % 2 === 0 ? { sourceType: 'ticket' as const, sourceId: ticket.id } : { accountId: account.id }),
        title: request.title,
        quote: asks[n % asks.length]!,
        impact: IMPACTS[(index + n) % IMPACTS.length]!,
        productArea: request.productArea ?? null,
        tags: [],
        requestId: id,
      });
      items++;
    }
    if (status === 'shipped' || status === 'declined') {
      await updateFeatureRequest(
        db,
        ctx,
        id,
        status === 'declined' ? { status, declinedReason: 'Not on this year’s mobile roadmap' } : { status },
      );
    }
  }
  // Still in the inbox, waiting for triage.
  const inbox = [
    ['Bulk edit of user licences', 'Updating 300 licences one by one takes our admin a whole afternoon.', 'important'],
    ['Single sign-on for the mobile app', 'Field staff keep forgetting a second password; we want the app on our IdP.', 'blocker'],
    ['Dark mode', 'Operators on night shift asked for a darker theme.', 'nice_to_have'],
  ] as const;
  for (const [n, [title, quote, impact]] of inbox.entries()) {
    await createFeedbackItem(db, ctxOf(tams[n % tams.length]!.member_id), {
      accountId: accounts[n + 2]!.id,
      title,
      quote,
      impact,
      tags: [],
    });
    items++;
  }
  await seedDemoEngineeringIssues(db, ctxOf(owner));
  return { requests: REQUESTS.length, items };
}

/**
 * Two bugs escalated to engineering from demo tickets that name a customer environment, so the
 * reproduction carries the environment's version and configuration, and the issue list is not empty.
 */
async function seedDemoEngineeringIssues(db: Kysely<Database>, ctx: ChangeContext): Promise<void> {
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'subject'])
    .where('deployment_id', 'is not', null)
    .where('status', 'in', ['open', 'pending', 'new'])
    .orderBy('number')
    .limit(2)
    .execute();
  for (const [n, ticket] of tickets.entries()) {
    await createEngineeringIssue(db, ctx, {
      title: `${ticket.subject} (reproduced)`,
      severity: n === 0 ? 'high' : 'medium',
      reproSteps: '1. Sign in as an administrator\n2. Open Reports → Scheduled exports\n3. Run the nightly export by hand',
      reproExpected: 'The export finishes and is e-mailed to the distribution list.',
      reproActual: 'The job stops after 30 minutes with error E4242 (timeout).',
      ticketId: ticket.id,
    });
  }
}
