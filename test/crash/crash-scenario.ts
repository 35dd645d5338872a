import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { connect } from '../../src/db/connect.js';
import { startChildServer, type ChildServer } from './child-server.js';
import { customerMail, post, sendOverSmtp } from './crash-traffic.js';
import type { CrashWorkspace } from './crash-workspace.js';

/** The lease the child gets (OUTPOST_IDEMPOTENCY_LEASE_MS): short, so the retries can take over soon after the last kill. */
export const IDEMPOTENCY_LEASE_MS = 2_000;
const TICKET_WORKERS = 48;
const MAIL_WORKERS_PER_CHANNEL = 3;
/** Caps per burst, far above what a burst of at most 600 ms sends: they bound the loops, not the test. */
const MAX_TICKET_SENDS_PER_BURST = 3_000;
const MAX_MAIL_SENDS_PER_BURST = 600;
const KILL_AFTER_MS = { min: 150, max: 600 };
/** How long a burst waits for its first answer before the kill delay starts anyway. */
const FIRST_ANSWER_WAIT_MS = 5_000;
const RETRY_CONCURRENCY = 12;
const TICKET_SUBJECT = 'crash-ticket';
const MAIL_SUBJECT = 'crash-mail';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One `POST /api/tickets` with its own Idempotency-Key (named in the subject, to count its tickets). */
interface TicketCreate {
  key: string;
  body: string;
  /** The ticket a 201 named; every later 201 for the key must name the same one. */
  ticketId: string | null;
  /** Answered 201 during the bursts, before the retries after the last restart. */
  acknowledgedInBurst: boolean;
  replayMismatch: boolean;
  /** Answered, but not 201, during the bursts (e.g. a 5xx). */
  refusedInBurst: string[];
  finalAnswer: string | null;
}

/** One inbound mail, over the HTTP intake or the SMTP listener. */
interface InboundMail {
  messageId: string;
  raw: string;
  via: 'http' | 'smtp';
  accepted: boolean;
  refusals: string[];
}

export interface CrashFigures {
  kills: number;
  requests: number;
  sends: number;
  acknowledged: number;
  noAnswerAtKill: number;
  refusedInBurst: number;
  retried: number;
  replayed: number;
  replayMismatches: number;
  lost: number;
  duplicated: string[];
  stuck: number;
  failedRetries: string[];
  keysWithoutTicket: number;
  mailsSent: number;
  mailsAccepted: number;
  mailsAcceptedInBurst: number;
  mailsMissing: number;
  mailsDuplicated: number;
  mailsRawMissing: number;
  mailsFailedRetries: string[];
  seconds: number;
  /** SQLite: COMMITs and the transactions they carried in the bursts, up to each kill. */
  groupCommits: { commits: number; transactions: number };
  /** Where the time went: starting the child (all starts), the bursts, the lease wait and retries. */
  timings: { startsMs: number; burstsMs: number; retriesMs: number };
}

/** The SQLite group-commit counters on /metrics (zero on PostgreSQL, which has none). */
async function readGroupCommits(url: string): Promise<{ commits: number; transactions: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { commits: value('outpost_sqlite_commits_total'), transactions: value('outpost_sqlite_transactions_total') };
}

/** Runs `count` workers that take items from the list until it is empty. */
async function inParallel<T>(items: T[], count: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: count }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/**
 * The crash test on one database: bursts of ticket creates (each with its Idempotency-Key) and
 * inbound mail (HTTP intake and SMTP) against `outpost serve` in a child process, killed with
 * SIGKILL a random 150–600 ms into each burst and restarted on the same database; later bursts
 * resend what got no answer first. After the last restart and the lease, every create is sent
 * again with its key and body and every unaccepted mail again; then the database is counted.
 */
export async function runCrashScenario(options: {
  databaseUrl: string;
  dataDir: string;
  workspace: CrashWorkspace;
  kills: number;
}): Promise<CrashFigures> {
  const started = Date.now();
  const { workspace } = options;
  const run = randomBytes(3).toString('hex');
  const tickets: TicketCreate[] = [];
  const mails: InboundMail[] = [];
  let sends = 0;
  let noAnswerAtKill = 0;
  const auth = { authorization: `Bearer ${workspace.token}` };
  const start = () =>
    startChildServer({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, idempotencyLeaseMs: IDEMPOTENCY_LEASE_MS });

  const newTicket = (): TicketCreate => {
    const key = `${run}-${tickets.length + 1}`;
    const body = JSON.stringify({
      subject: `${TICKET_SUBJECT} ${key}`,
      description: 'Opened during a crash test burst',
      requesterId: workspace.contactId,
      priority: 'high',
    });
    const ticket = { key, body, ticketId: null, acknowledgedInBurst: false, replayMismatch: false, refusedInBurst: [], finalAnswer: null };
    tickets.push(ticket);
    return ticket;
  };
  const newMail = (via: InboundMail['via']): InboundMail => {
    const id = `${run}-${mails.length + 1}`;
    const messageId = `<${id}@crash.test>`;
    const mail = {
      messageId,
      raw: customerMail(workspace.contactEmail, messageId, `${MAIL_SUBJECT} ${id}`),
      via,
      accepted: false,
      refusals: [],
    };
    mails.push(mail);
    return mail;
  };

  /** Sends one create; returns the answer in words, or null when there was none. */
  const sendTicket = async (child: ChildServer, ticket: TicketCreate): Promise<{ status: number; code: string } | null> => {
    sends++;
    const answer = await post(
      `${child.url}/api/tickets`,
      { ...auth, 'content-type': 'application/json', 'idempotency-key': ticket.key },
      ticket.body,
    );
    if (!answer.answered) return null;
    if (answer.status === 201) {
      const id = (JSON.parse(answer.body) as { id: string }).id;
      if (ticket.ticketId !== null && ticket.ticketId !== id) ticket.replayMismatch = true;
      ticket.ticketId ??= id;
      return { status: 201, code: answer.headers['idempotent-replayed'] === 'true' ? 'replayed' : 'created' };
    }
    const code = (JSON.parse(answer.body || '{}') as { error?: { code?: string } }).error?.code ?? '';
    return { status: answer.status, code };
  };

  const sendMail = async (child: ChildServer, mail: InboundMail): Promise<string | null> => {
    if (mail.via === 'http') {
      const answer = await post(`${child.url}/api/inbound/email`, { ...auth, 'content-type': 'message/rfc822' }, mail.raw);
      if (!answer.answered) return null;
      if (answer.status >= 200 && answer.status < 300) mail.accepted = true;
      return String(answer.status);
    }
    const answer = await sendOverSmtp(child.smtpPort, workspace.contactEmail, mail.raw);
    if (!answer.answered) return null;
    if (answer.code === 250) mail.accepted = true;
    return String(answer.code);
  };

  /** One burst against a running child, killed part-way; returns when every request has its outcome. */
  const burst = async (child: ChildServer): Promise<number> => {
    // A just-started server compiles its routes on first use: one of each first, so the burst is load, not warm-up.
    const warmUp = newTicket();
    if ((await sendTicket(child, warmUp))?.status === 201) warmUp.acknowledgedInBurst = true;
    for (const via of ['http', 'smtp'] as const) await sendMail(child, newMail(via));
    let killed = false;
    let firstAnswer = () => {};
    const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
    // What earlier bursts left unanswered goes first: its retry may take over the key and die too.
    const resend = tickets.filter((t) => t.ticketId === null);
    const resendMails = mails.filter((m) => !m.accepted);
    let ticketSends = 0;
    let mailSends = 0;
    const ticketWorker = async () => {
      while (!killed && ticketSends < MAX_TICKET_SENDS_PER_BURST) {
        ticketSends++;
        const ticket = resend.shift() ?? newTicket();
        const answer = await sendTicket(child, ticket);
        if (answer !== null) firstAnswer();
        if (answer === null) noAnswerAtKill++;
        else if (answer.status === 201) ticket.acknowledgedInBurst = true;
        else ticket.refusedInBurst.push(`${answer.status} ${answer.code}`);
      }
    };
    const mailWorker = async (via: InboundMail['via']) => {
      while (!killed && mailSends < MAX_MAIL_SENDS_PER_BURST) {
        mailSends++;
        const waiting = resendMails.findIndex((m) => m.via === via);
        const mail = waiting >= 0 ? resendMails.splice(waiting, 1)[0]! : newMail(via);
        const answer = await sendMail(child, mail);
        if (answer !== null) firstAnswer();
        if (answer !== null && !mail.accepted) mail.refusals.push(answer);
      }
    };
    const workers = [
      ...Array.from({ length: TICKET_WORKERS }, () => ticketWorker()),
      ...Array.from({ length: MAIL_WORKERS_PER_CHANNEL }, () => mailWorker('http')),
      ...Array.from({ length: MAIL_WORKERS_PER_CHANNEL }, () => mailWorker('smtp')),
    ];
    // The kill lands a random 150–600 ms into the burst's answers: on a slow machine the first
    // answers take longer than that to come, and a kill before any would test only a cold start.
    await Promise.race([answered, sleep(FIRST_ANSWER_WAIT_MS)]);
    await sleep(KILL_AFTER_MS.min + Math.random() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min));
    // SQLite: how many transactions the burst's COMMITs carried, so the kills are known to have
    // hit group commit (src/db/sqlite/group-commit-driver.ts) and not only single commits.
    groupCommits.push(await readGroupCommits(child.url));
    killed = true;
    await child.crash();
    const killedAt = Date.now();
    await Promise.all(workers);
    return killedAt;
  };

  const timings = { startsMs: 0, burstsMs: 0, retriesMs: 0 };
  const groupCommits: { commits: number; transactions: number }[] = [];
  const timedStart = async () => {
    const at = Date.now();
    const child = await start();
    timings.startsMs += Date.now() - at;
    return child;
  };
  let lastKillAt = 0;
  for (let round = 0; round < options.kills; round++) {
    const child = await timedStart();
    const at = Date.now();
    lastKillAt = await burst(child);
    timings.burstsMs += Date.now() - at;
  }

  // After the last restart and once every reservation the kills left has outlived its lease.
  const child = await timedStart();
  const retriesAt = Date.now();
  await sleep(Math.max(0, lastKillAt + IDEMPOTENCY_LEASE_MS + 250 - Date.now()));
  const acknowledged = tickets.filter((t) => t.ticketId !== null).length;
  const acknowledgedMails = mails.filter((m) => m.accepted).length;
  const retried = tickets.length - acknowledged;
  try {
    await inParallel(tickets, RETRY_CONCURRENCY, async (ticket) => {
      const answer = await sendTicket(child, ticket);
      ticket.finalAnswer = answer === null ? 'no answer' : `${answer.status} ${answer.code}`;
    });
    await inParallel(
      mails.filter((m) => !m.accepted),
      RETRY_CONCURRENCY,
      async (mail) => {
        const answer = await sendMail(child, mail);
        if (!mail.accepted) mail.refusals.push(answer ?? 'no answer');
      },
    );
  } finally {
    await child.stop();
  }
  timings.retriesMs = Date.now() - retriesAt;

  // Counted in the database itself, with the server gone.
  const db = connect(options.databaseUrl);
  try {
    const rows = await db.kysely.selectFrom('tickets').select(['id', 'subject']).where('subject', 'like', `crash-%`).execute();
    const ids = new Set(rows.map((r) => r.id));
    const perSubject = new Map<string, number>();
    for (const row of rows) perSubject.set(row.subject, (perSubject.get(row.subject) ?? 0) + 1);
    const ticketsFor = (subject: string) => perSubject.get(subject) ?? 0;
    const messages = await db.kysely
      .selectFrom('ticket_messages')
      .select('email_message_id')
      .where('email_message_id', 'like', `<${run}-%`)
      .execute();
    const perMessageId = new Map<string, number>();
    for (const m of messages) perMessageId.set(m.email_message_id!, (perMessageId.get(m.email_message_id!) ?? 0) + 1);
    const quarantined = new Set(
      (await db.kysely.selectFrom('quarantined_emails').select('message_id').where('message_id', 'like', `<${run}-%`).execute()).map(
        (q) => q.message_id,
      ),
    );
    const rawPaths = new Map(
      (
        await db.kysely.selectFrom('inbound_emails').select(['message_id', 'raw_path']).where('message_id', 'like', `<${run}-%`).execute()
      ).map((r) => [r.message_id, r.raw_path]),
    );
    const accepted = mails.filter((m) => m.accepted);
    const subjectOf = (ticket: TicketCreate) => `${TICKET_SUBJECT} ${ticket.key}`;
    const mailSubjectOf = (mail: InboundMail) => `${MAIL_SUBJECT} ${mail.messageId.slice(1, mail.messageId.indexOf('@'))}`;
    return {
      kills: options.kills,
      requests: tickets.length,
      sends,
      acknowledged,
      noAnswerAtKill,
      refusedInBurst: tickets.filter((t) => t.refusedInBurst.length > 0).length,
      retried,
      replayed: tickets.filter((t) => t.acknowledgedInBurst && t.finalAnswer === '201 replayed').length,
      replayMismatches: tickets.filter((t) => t.replayMismatch).length,
      lost: tickets.filter((t) => t.ticketId !== null && !ids.has(t.ticketId)).length,
      duplicated: tickets
        .filter((t) => ticketsFor(subjectOf(t)) > 1)
        .map((t) => `${t.key}: ${ticketsFor(subjectOf(t))} tickets, final ${t.finalAnswer}`),
      stuck: tickets.filter((t) => t.finalAnswer === '409 request.idempotency_in_progress').length,
      failedRetries: tickets.filter((t) => !t.finalAnswer?.startsWith('201 ')).map((t) => `${t.key}: ${t.finalAnswer}`),
      keysWithoutTicket: tickets.filter((t) => ticketsFor(subjectOf(t)) === 0).length,
      mailsSent: mails.length,
      mailsAccepted: accepted.length,
      mailsAcceptedInBurst: acknowledgedMails,
      mailsMissing: accepted.filter((m) => !perMessageId.has(m.messageId) && !quarantined.has(m.messageId)).length,
      mailsDuplicated: mails.filter((m) => (perMessageId.get(m.messageId) ?? 0) > 1 || ticketsFor(mailSubjectOf(m)) > 1).length,
      mailsRawMissing: accepted.filter((m) => {
        const rawPath = rawPaths.get(m.messageId);
        return !rawPath || !fs.existsSync(path.join(options.dataDir, rawPath));
      }).length,
      mailsFailedRetries: mails.filter((m) => !m.accepted).map((m) => `${m.messageId} (${m.via}): ${m.refusals.join(', ')}`),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      timings,
      groupCommits: {
        commits: groupCommits.reduce((sum, g) => sum + g.commits, 0),
        transactions: groupCommits.reduce((sum, g) => sum + g.transactions, 0),
      },
    };
  } finally {
    await db.close();
  }
}
