import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { DialectName } from '../dialect.js';
import { inTransaction } from '../../kernel/transaction.js';
import { SYSTEM_CONTEXT } from '../../kernel/actor.js';
import { hashPassword } from '../../modules/identity/index.js';
import { writeSetting } from '../../kernel/settings.js';
import type { Role } from '../../modules/identity/index.js';
import { assessRelationship, DEFAULT_RELATIONSHIP_RULES } from '../../modules/accounts/index.js';
import type { SEGMENTS } from '../../modules/accounts/index.js';
import { loadAccountSearchDocuments, loadContactSearchDocuments } from '../../modules/accounts/index.js';
import { indexDocuments } from '../../modules/search/index.js';
import { loadMessageSearchDocuments, loadTicketSearchDocuments } from '../../modules/support/index.js';
import type { BusinessCalendar } from '../../modules/support/index.js';
import * as settings from '../../modules/support/index.js';
import type { Tier, TicketPriority } from '../../modules/support/index.js';
import { BulkWriter, relaxDurability, restoreDurability } from './bench/bulk-writer.js';
import { openCopySink } from './bench/copy-writer.js';
import { deferSecondaryIndexes } from './bench/deferred-indexes.js';
import { seededUuidV7 } from './bench/deterministic-ids.js';
import { seedBenchFeedback } from './bench/feedback.js';
import { seedBenchDelivery } from './bench/delivery.js';
import { buildTicketHistory, type BenchPolicy, type HistoryContext } from './bench/ticket-history.js';
import { COMPANY_KINDS, COMPANY_WORDS, CONTACT_TITLES, FIRST_NAMES, LAST_NAMES } from './bench/vocabulary.js';
import { SeededRandom } from './random.js';
import { KEY_ACCOUNT_TARGETS, STANDARD_TARGETS, weekdayHours } from './support-config.js';

export const BENCH_PASSWORD = 'bench-password-2026';
export const BENCH_ADMIN_EMAIL = 'bench-admin@outpost.bench';
/** The portal contact belongs to the account with the most tickets: the heaviest portal list. */
export const BENCH_PORTAL_EMAIL = 'portal.contact@acct0.example.com';

export interface BenchDatasetOptions {
  tickets: number;
  accounts?: number;
  contactsPerAccount?: number;
  members?: number;
  /** Years of history the tickets are spread over. */
  years?: number;
  /** Dates are relative to this instant (default: now), so that SLA clocks and queues are live. */
  now?: Date;
  seed?: number;
  /**
   * PostgreSQL only: the database's URL, for a connection of its own that writes the bulk rows
   * with COPY instead of multi-row INSERTs (the same rows; see bench/copy-writer.ts).
   */
  copyConnectionString?: string;
  /** `done` of `total` accounts and tickets; `rows`, every row written so far. */
  onProgress?: (done: number, total: number, rows: number) => void;
}

export interface BenchDatasetSummary {
  tickets: number;
  messages: number;
  accounts: number;
  contacts: number;
  members: number;
  searchDocuments: number;
  environments: number;
  engagements: number;
  feedbackItems: number;
  featureRequests: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  adminEmail: string;
  portalEmail: string;
  password: string;
}

type Segment = (typeof SEGMENTS)[number];

const TICKETS_PER_TRANSACTION = 1000;
/** The tables that grow with the tickets: a COPY load builds their secondary indexes once, at the end. */
const INDEXES_DEFERRED_ON = [
  'tickets',
  'ticket_tags',
  'ticket_messages',
  'ticket_events',
  'escalations',
  'escalation_rule_firings',
  'search_documents',
];

/** Refuses anything but an empty workspace: the generator never mixes with real records. */
export async function assertEmptyForBench(db: Kysely<Database>): Promise<void> {
  const member = await db.selectFrom('members').select('id').limit(1).executeTakeFirst();
  const ticket = await db.selectFrom('tickets').select('id').limit(1).executeTakeFirst();
  const account = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  if (member || ticket || account) throw new Error('This database already has records; generate the bench dataset only into an empty one.');
}

function segmentOf(index: number, accounts: number): Segment {
  const share = index / accounts;
  return share < 0.02 ? 'strategic' : share < 0.15 ? 'enterprise' : share < 0.45 ? 'mid_market' : 'smb';
}

/**
 * The large dataset `npm run bench` measures against (issue 7): `tickets` tickets over several
 * years with about four messages each, 10k accounts with 5 contacts each, a 300-member team, SLA
 * policies on a business calendar, escalation rules.
 *
 * Small configuration (calendars, policies, groups, rules) goes through the settings service;
 * the bulk (members, accounts, contacts, tickets with their messages, history, escalations and
 * rule firings) is written with multi-row inserts of the rows the services write — ticket SLA
 * state is run through the SLA clock and stored with `slaColumns` — in transactions of 1,000
 * tickets. The search index is written batch by batch with the owners' search document loaders
 * (the ones a rebuild reads through) and the search module's writer, in the same transaction, so
 * its rows are those `reindexAll` writes.
 * On PostgreSQL, given `copyConnectionString` (as `npm run bench` does), the bulk rows go in with
 * COPY on a connection of their own instead (the same rows; the dataset test compares both), and
 * the secondary indexes of the ticket tables and the search index are dropped for the load and
 * rebuilt from their own definitions after the last ticket (./bench/deferred-indexes.ts).
 * What is left out: the audit log and the webhook outbox for the generated history (history that
 * integrations would long since have received), and password hashing per member (all bench
 * members share one hash of BENCH_PASSWORD).
 *
 * Deterministic: the same seed, scale and `now` give the same rows, ids included.
 */
export async function seedBenchDataset(
  db: Kysely<Database>,
  dialect: DialectName,
  options: BenchDatasetOptions,
): Promise<BenchDatasetSummary> {
  const started = Date.now();
  await assertEmptyForBench(db);
  const copySink = options.copyConnectionString ? await openCopySink(db, options.copyConnectionString) : undefined;
  const writer = new BulkWriter(dialect, copySink);
  const indexes = copySink ? await deferSecondaryIndexes(db, INDEXES_DEFERRED_ON) : undefined;
  try {
    return await writeDataset(db, dialect, options, writer, started, async () => indexes?.restore());
  } finally {
    await writer.close();
  }
}

async function writeDataset(
  db: Kysely<Database>,
  dialect: DialectName,
  options: BenchDatasetOptions,
  writer: BulkWriter,
  started: number,
  afterTickets: () => Promise<void>,
): Promise<BenchDatasetSummary> {
  const N = options.tickets;
  const A = options.accounts ?? 10_000;
  const C = options.contactsPerAccount ?? 5;
  const M = options.members ?? 300;
  const now = (options.now ?? new Date()).getTime();
  const years = options.years ?? 3;
  const rnd = new SeededRandom(options.seed ?? 7_000_007);
  const idRnd = new SeededRandom((options.seed ?? 7_000_007) ^ 0x5eed);
  let searchDocuments = 0;
  const totalWork = N + A;
  let done = 0;
  const progress = () => options.onProgress?.(done, totalWork, writer.rowsWritten + searchDocuments);
  progress();

  await relaxDurability(db, dialect);

  // Configuration, through the settings service like an admin would.
  const ctx = SYSTEM_CONTEXT;
  const newYork = await settings.saveCalendar(db, ctx, null, {
    name: 'Support hours (New York)',
    timeZone: 'America/New_York',
    weeklyHours: weekdayHours('08:00', '18:00'),
    holidays: [],
  });
  const berlin = await settings.saveCalendar(db, ctx, null, {
    name: 'Support hours (Berlin)',
    timeZone: 'Europe/Berlin',
    weeklyHours: weekdayHours('08:00', '17:00'),
    holidays: [],
  });
  const policyViews = [
    await settings.savePolicy(db, ctx, null, {
      name: 'Strategic and enterprise',
      position: 1,
      conditions: { segments: ['strategic', 'enterprise'] },
      targets: KEY_ACCOUNT_TARGETS,
      calendarId: null,
      status: 'active',
    }),
    await settings.savePolicy(db, ctx, null, {
      name: 'Portal and e-mail (Europe hours)',
      position: 2,
      conditions: { segments: ['mid_market'], channels: ['portal'] },
      targets: STANDARD_TARGETS,
      calendarId: berlin.id,
      status: 'active',
    }),
    await settings.savePolicy(db, ctx, null, {
      name: 'Standard',
      position: 3,
      conditions: {},
      targets: STANDARD_TARGETS,
      calendarId: newYork.id,
      status: 'active',
    }),
  ];
  const groups: Record<Tier, string> = {
    tier1: (await settings.createGroup(db, ctx, { name: 'Frontline', tier: 'tier1' })).id,
    tier2: (await settings.createGroup(db, ctx, { name: 'Escalations', tier: 'tier2' })).id,
    engineering: (await settings.createGroup(db, ctx, { name: 'Platform engineering', tier: 'engineering' })).id,
  };
  const offScript = await settings.saveRule(db, ctx, null, {
    name: 'Tier 1 case off script for 4 business hours',
    position: 1,
    status: 'active',
    conditions: { tiers: ['tier1'], statuses: ['open'], minBusinessHoursInTier: 4 },
    actions: { moveToTier: 'tier2', assignGroupId: groups.tier2, notifyRole: 'support_tier2' },
  });
  const nearBreachPriorities: TicketPriority[] = ['urgent', 'high'];
  const nearBreachSegments: Segment[] = ['strategic', 'enterprise'];
  const nearBreach = await settings.saveRule(db, ctx, null, {
    name: 'Key account close to an SLA breach',
    position: 2,
    status: 'active',
    conditions: { priorities: nearBreachPriorities, segments: nearBreachSegments, statuses: ['new', 'open'], slaMinutesRemainingBelow: 30 },
    actions: { notifyRole: 'support_tier2' },
  });

  // The team: one admin, then Tier 1, Tier 2, account managers, success and stakeholders.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const staticAt = new Date(now - years * 366 * 86_400_000).toISOString();
  const roleOf = (i: number): Role[] => {
    const share = i / M;
    if (i === 0) return ['admin', 'support_tier2'];
    if (share < 0.4) return ['support_tier1'];
    if (share < 0.65) return ['support_tier2'];
    if (share < 0.75) return ['technical_account_manager'];
    if (share < 0.85) return ['customer_success'];
    if (share < 0.93) return ['stakeholder'];
    return ['solutions_architect'];
  };
  const members = Array.from({ length: M }, (_, i) => {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!;
    return {
      id: seededUuidV7(idRnd, Date.parse(staticAt) + i),
      email: i === 0 ? BENCH_ADMIN_EMAIL : `${first}.${last}.${i}@outpost.bench`.toLowerCase(),
      name: i === 0 ? 'Bench Admin' : `${first} ${last}`,
      password_hash: passwordHash,
      title: null,
      status: 'active' as const,
      capacity_hours: 40,
      time_zone: 'UTC',
      working_hours: JSON.stringify({ start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] }),
      failed_sign_ins: 0,
      locked_until: null,
      created_at: staticAt,
      updated_at: staticAt,
      roles: roleOf(i),
    };
  });
  const byRole = (role: Role) => members.filter((m) => m.roles.includes(role)).map((m) => m.id);
  await inTransaction(db, async (trx) => {
    await writer.insert(
      trx,
      'members',
      members.map(({ roles: _roles, ...row }) => row),
    );
    await writer.insert(
      trx,
      'member_roles',
      members.flatMap((m) => m.roles.map((role) => ({ member_id: m.id, role }))),
    );
  });

  // Accounts with a domain, an account manager and a success engineer, and their contacts.
  const evidence = JSON.stringify(assessRelationship([], 0, DEFAULT_RELATIONSHIP_RULES, new Date(now)));
  const tams = byRole('technical_account_manager');
  const cses = byRole('customer_success');
  const accounts: { id: string; segment: Segment; contacts: string[] }[] = [];
  for (let from = 0; from < A; from += TICKETS_PER_TRANSACTION) {
    const to = Math.min(A, from + TICKETS_PER_TRANSACTION);
    await inTransaction(db, async (trx) => {
      const accountRows = [];
      const domainRows = [];
      const teamRows = [];
      const contactRows = [];
      for (let i = from; i < to; i++) {
        const id = seededUuidV7(idRnd, Date.parse(staticAt) + 1000 + i);
        const segment = segmentOf(i, A);
        const name = `${COMPANY_WORDS[i % COMPANY_WORDS.length]} ${COMPANY_KINDS[Math.floor(i / COMPANY_WORDS.length) % COMPANY_KINDS.length]} ${i}`;
        const domain = `acct${i}.example.com`;
        const arr =
          segment === 'strategic'
            ? rnd.int(900, 3200) * 1000
            : segment === 'enterprise'
              ? rnd.int(220, 880) * 1000
              : segment === 'mid_market'
                ? rnd.int(45, 200) * 1000
                : rnd.int(6, 40) * 1000;
        accountRows.push({
          id,
          name,
          name_lower: name.toLowerCase(),
          segment,
          arr,
          lifecycle_stage: rnd.pick(['onboarding', 'adoption', 'expansion', 'renewal', 'at_risk'] as const),
          renewal_date: new Date(now + rnd.int(-20, 420) * 86_400_000).toISOString().slice(0, 10),
          relationship: 'transactional' as const,
          relationship_evidence: evidence,
          created_at: staticAt,
          updated_at: staticAt,
        });
        domainRows.push({ domain, account_id: id });
        teamRows.push({ account_id: id, role: 'technical_account_manager', member_id: rnd.pick(tams) });
        teamRows.push({ account_id: id, role: 'customer_success', member_id: rnd.pick(cses) });
        const contactIds: string[] = [];
        for (let c = 0; c < C; c++) {
          const first = rnd.pick(FIRST_NAMES);
          const last = rnd.pick(LAST_NAMES);
          const contactId = seededUuidV7(idRnd, Date.parse(staticAt) + 100_000 + i * C + c);
          contactIds.push(contactId);
          contactRows.push({
            id: contactId,
            account_id: id,
            name: `${first} ${last}`,
            email: i === 0 && c === 0 ? BENCH_PORTAL_EMAIL : `${first}.${last}.${c}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
            title: rnd.pick(CONTACT_TITLES),
            customer_role: c === 0 ? ('decision_maker' as const) : c === 1 ? ('champion' as const) : ('end_user' as const),
            phone: null,
            created_at: staticAt,
            updated_at: staticAt,
          });
        }
        accounts.push({ id, segment, contacts: contactIds });
      }
      await writer.insert(trx, 'accounts', accountRows);
      await writer.insert(trx, 'account_domains', domainRows);
      await writer.insert(trx, 'account_team', teamRows);
      await writer.insert(trx, 'contacts', contactRows);
      const docs = [
        ...(await loadAccountSearchDocuments(trx, { ids: accountRows.map((r) => r.id) })),
        ...(await loadContactSearchDocuments(trx, { ids: contactRows.map((r) => r.id) })),
      ];
      await indexDocuments(trx, docs);
      searchDocuments += docs.length;
    });
    done += to - from;
    progress();
  }
  const portalContact = accounts[0]!.contacts[0]!;
  await writer.insert(db, 'portal_credentials', [
    {
      contact_id: portalContact,
      access: 'enabled',
      password_hash: passwordHash,
      failed_sign_ins: 0,
      locked_until: null,
      updated_at: staticAt,
    },
  ]);

  // Tickets, oldest first, so numbers and ids rise with time as they do in a live desk.
  const calendars = new Map<string, BusinessCalendar>([
    [newYork.id, { timeZone: newYork.timeZone, weeklyHours: newYork.weeklyHours, holidays: newYork.holidays }],
    [berlin.id, { timeZone: berlin.timeZone, weeklyHours: berlin.weeklyHours, holidays: berlin.holidays }],
  ]);
  const policies: BenchPolicy[] = policyViews.map((p) => ({
    id: p.id,
    position: p.position,
    conditions: p.conditions,
    targets: p.targets,
    calendar_id: p.calendarId,
  }));
  const lastPassAt = now - 3_600_000;
  const history: HistoryContext = {
    now,
    lastPassAt,
    rnd,
    idRnd,
    policies,
    calendars,
    groups,
    tier1: byRole('support_tier1'),
    tier2: byRole('support_tier2'),
    offScriptRule: { id: offScript.id, name: offScript.name, minBusinessHours: 4 },
    nearBreachRule: {
      id: nearBreach.id,
      name: nearBreach.name,
      minutes: 30,
      priorities: nearBreachPriorities,
      segments: nearBreachSegments,
      role: 'support_tier2',
    },
  };
  const spanMs = years * 365 * 86_400_000;
  const start = now - spanMs;
  let messages = 0;
  for (let from = 0; from < N; from += TICKETS_PER_TRANSACTION) {
    const to = Math.min(N, from + TICKETS_PER_TRANSACTION);
    await inTransaction(db, async (trx) => {
      const batch = [];
      for (let i = from; i < to; i++) {
        const createdMs = Math.min(now - 2 * 60_000, Math.floor(start + (spanMs * (i + rnd.next())) / N));
        // Skewed towards the first accounts: the largest customers open the most tickets.
        const account = accounts[Math.floor(A * rnd.next() ** 2)]!;
        batch.push(buildTicketHistory(history, { number: i + 1, createdMs, account, contactId: rnd.pick(account.contacts) }));
      }
      await writer.insert(
        trx,
        'tickets',
        batch.map((h) => h.ticket),
      );
      await writer.insert(
        trx,
        'ticket_tags',
        batch.flatMap((h) => h.tags),
      );
      const messageRows = batch.flatMap((h) => h.messages);
      await writer.insert(trx, 'ticket_messages', messageRows);
      await writer.insert(
        trx,
        'ticket_events',
        batch.flatMap((h) => h.events),
      );
      await writer.insert(
        trx,
        'escalations',
        batch.flatMap((h) => h.escalations),
      );
      await writer.insert(
        trx,
        'escalation_rule_firings',
        batch.flatMap((h) => h.firings),
      );
      const docs = [
        ...(await loadTicketSearchDocuments(trx, { ids: batch.map((h) => h.ticket.id) })),
        ...(await loadMessageSearchDocuments(trx, { ids: messageRows.map((m) => m.id) })),
      ];
      await indexDocuments(trx, docs);
      searchDocuments += docs.length;
      messages += messageRows.length;
    });
    done += to - from;
    progress();
  }
  await afterTickets();
  // New tickets continue after the dataset's: PostgreSQL numbers them from its sequence (migration
  // 0043), SQLite from the counter row.
  if (dialect === 'postgres') await sql`select setval('ticket_numbers', ${Math.max(N, 1)}, ${N > 0})`.execute(db);
  else
    await db
      .insertInto('sequences')
      .values({ name: 'ticket', value: N })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: N }))
      .execute();
  const delivery = await seedBenchDelivery(db, { accounts, engineers: byRole('solutions_architect'), now, rnd });
  const feedback = await seedBenchFeedback(db, writer, {
    accounts,
    capturers: byRole('technical_account_manager'),
    items: Math.min(N, 100_000),
    now,
    rnd,
  });
  // As if the once-a-minute schedule had been running: the sweep resumes from its last pass.
  await writeSetting(db, 'support.sla_sweep_watermark', new Date(lastPassAt).toISOString());
  await restoreDurability(db, dialect);

  const seconds = (Date.now() - started) / 1000;
  const rows = writer.rowsWritten + searchDocuments;
  return {
    tickets: N,
    messages,
    accounts: A,
    contacts: A * C,
    members: M,
    searchDocuments,
    ...delivery,
    ...feedback,
    rows,
    seconds,
    rowsPerSecond: Math.round(rows / seconds),
    adminEmail: BENCH_ADMIN_EMAIL,
    portalEmail: BENCH_PORTAL_EMAIL,
    password: BENCH_PASSWORD,
  };
}
