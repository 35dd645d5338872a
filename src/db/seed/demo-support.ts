import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { SYSTEM_CONTEXT, type ChangeContext } from '../../kernel/actor.js';
import { escalateTicket } from '../../modules/support/index.js';
import { addAgentMessage, addCustomerMessage } from '../../modules/support/index.js';
import * as settings from '../../modules/support/index.js';
import { createTicket, updateTicket } from '../../modules/support/index.js';
import { SeededRandom } from './random.js';
import { KEY_ACCOUNT_TARGETS, STANDARD_TARGETS, weekdayHours } from './support-config.js';

const PROBLEMS = [
  {
    subject: 'SSO login loops back to the sign-in page',
    tags: ['sso', 'login'],
    body: 'Since this morning our users are sent back to the sign-in page after the IdP redirect.',
  },
  {
    subject: 'Nightly export job times out',
    tags: ['export', 'performance'],
    body: 'The nightly CSV export has failed three nights in a row with a timeout after 30 minutes.',
  },
  {
    subject: 'API returns 429 during our batch sync',
    tags: ['api', 'rate-limit'],
    body: 'Our hourly sync gets HTTP 429 responses after about 200 requests.',
  },
  {
    subject: 'Invoice shows the wrong number of seats',
    tags: ['billing'],
    body: 'The latest invoice bills 250 seats but we only have 180 active users.',
  },
  {
    subject: 'Dashboard charts are empty after upgrade',
    tags: ['upgrade', 'dashboards'],
    body: 'After upgrading to 4.2 the analytics dashboards render without data.',
  },
  {
    subject: 'How do I add a new admin?',
    tags: ['how-to', 'admin'],
    body: 'Our previous admin left; how can I give admin rights to a colleague?',
  },
  {
    subject: 'Webhook deliveries fail with certificate error',
    tags: ['webhooks', 'tls'],
    body: 'Webhook deliveries to our endpoint fail with "unable to verify the first certificate".',
  },
  {
    subject: 'Password reset e-mails not arriving',
    tags: ['email', 'login'],
    body: 'Users do not receive password reset e-mails; nothing in spam either.',
  },
  {
    subject: 'Search is very slow for large projects',
    tags: ['search', 'performance'],
    body: 'Searching in projects with more than 50k items takes over 20 seconds.',
  },
  {
    subject: 'Data import stops at row 10,000',
    tags: ['import', 'data-migration'],
    body: 'Importing our customer list stops at row 10,000 without an error message.',
  },
];

/**
 * The support side of the demo: calendars, SLA policies, groups, an escalation rule, and tickets
 * of varied age, priority and state across the accounts, with replies and escalations.
 */
export async function seedDemoSupport(db: Kysely<Database>, now: Date, memberIds: { tier1: string[]; tier2: string[] }): Promise<number> {
  const rnd = new SeededRandom(4242);
  const ctx = SYSTEM_CONTEXT;
  const business = await settings.saveCalendar(db, ctx, null, {
    name: 'Support hours (New York)',
    timeZone: 'America/New_York',
    weeklyHours: weekdayHours('08:00', '18:00'),
    holidays: [],
  });
  await settings.savePolicy(db, ctx, null, {
    name: 'Strategic and enterprise',
    position: 1,
    conditions: { segments: ['strategic', 'enterprise'] },
    targets: KEY_ACCOUNT_TARGETS,
    calendarId: null,
    status: 'active',
  });
  await settings.savePolicy(db, ctx, null, {
    name: 'Standard',
    position: 2,
    conditions: {},
    targets: STANDARD_TARGETS,
    calendarId: business.id,
    status: 'active',
  });
  await settings.createGroup(db, ctx, { name: 'Frontline', tier: 'tier1' });
  const tier2Group = await settings.createGroup(db, ctx, { name: 'Escalations', tier: 'tier2' });
  await settings.createGroup(db, ctx, { name: 'Platform engineering', tier: 'engineering' });
  await settings.saveRule(db, ctx, null, {
    name: 'Tier 1 case off script for 4 business hours',
    position: 1,
    status: 'active',
    conditions: { tiers: ['tier1'], statuses: ['open'], minBusinessHoursInTier: 4 },
    actions: { moveToTier: 'tier2', assignGroupId: tier2Group.id, notifyRole: 'support_tier2' },
  });

  const contacts = await db.selectFrom('contacts').select(['id', 'account_id']).orderBy('email').execute();
  const count = 60;
  for (let i = 0; i < count; i++) {
    const problem = PROBLEMS[i % PROBLEMS.length]!;
    const contact = rnd.pick(contacts);
    const fate = rnd.next();
    // Cases still being worked are recent (minutes to two days old), so the queues show a mix of
    // comfortable, close and breached targets; solved and escalated ones reach back three weeks.
    const minutesOld = fate < 0.5 ? rnd.int(10, 60 * 48) : rnd.int(60, 60 * 24 * 20);
    const createdAt = new Date(now.getTime() - minutesOld * 60_000);
    const agent: ChangeContext = { actorType: 'member', actorId: rnd.pick(memberIds.tier1), memberId: null, ip: null };
    agent.memberId = agent.actorId;
    const ticket = await createTicket(
      db,
      ctx,
      {
        subject: problem.subject,
        description: problem.body,
        requesterId: contact.id,
        priority: rnd.pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const),
        channel: rnd.pick(['email', 'email', 'portal', 'phone'] as const),
        tags: problem.tags,
      },
      'email',
      createdAt,
    );
    const ageMinutes = (now.getTime() - createdAt.getTime()) / 60_000;
    const step = (fraction: number) => new Date(createdAt.getTime() + ageMinutes * fraction * 60_000);
    if (fate < 0.15) continue; // still new and unanswered
    await addAgentMessage(
      db,
      agent,
      ticket.id,
      { body: 'Thanks for reporting this — we are looking into it now.', visibility: 'public' },
      'web',
      step(0.1),
    );
    // The agent who answered keeps the case until it is solved or escalated: it is in their queue.
    if (fate < 0.5) await updateTicket(db, agent, ticket.id, { assigneeId: agent.memberId }, step(0.1));
    if (fate < 0.35) continue; // open, being worked
    if (fate < 0.5) {
      await addAgentMessage(
        db,
        agent,
        ticket.id,
        { body: 'Could you send us the logs from the time it happened?', visibility: 'public', status: 'pending' },
        'web',
        step(0.3),
      );
      continue; // waiting on the customer
    }
    if (fate < 0.65) {
      await addAgentMessage(
        db,
        agent,
        ticket.id,
        { body: 'Reproduced on our side; config and network checked, both fine.', visibility: 'internal' },
        'web',
        step(0.3),
      );
      await escalateTicket(
        db,
        agent,
        ticket.id,
        {
          toTier: 'tier2',
          reason: 'Needs access to server-side logs',
          summary: 'Reproduced; configuration and network checked.',
          groupId: tier2Group.id,
        },
        null,
        step(0.4),
      );
      continue;
    }
    await addAgentMessage(
      db,
      agent,
      ticket.id,
      { body: 'This is fixed now; the cause was a configuration change on our side.', visibility: 'public', status: 'solved' },
      'web',
      step(0.5),
    );
    if (fate > 0.92) {
      await addCustomerMessage(db, ticket.id, contact.id, 'It is happening again since this morning.', 'email', null, step(0.8));
      await updateTicket(db, agent, ticket.id, { priority: 'high' }, step(0.85));
    }
  }
  return count;
}
