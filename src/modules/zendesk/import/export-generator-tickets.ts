import fs from 'node:fs';
import path from 'node:path';
import { CHANNELS, JsonLines, MODULES, PLANS, PRIORITIES, STATUSES, TYPES, WORDS, type Generation } from './export-generator-kit.js';

/** What the generated tickets should land as. */
export interface TicketTally {
  ticketsExpected: number;
  commentsExpected: number;
  attachmentsExpected: number;
  ratingsExpected: number;
}

/**
 * Tickets as the incremental export writes them, their comments (apart, inline or as ticket
 * events), attachments and satisfaction ratings, with the odd rows a correct import reports.
 */
export async function generateTickets(
  g: Generation,
  options: { tickets: number; comments: 'separate' | 'inline' | 'events' },
  people: { agents: number[]; endUsers: number[]; groups: { id: number }[] },
): Promise<TicketTally> {
  const { folder, rnd, pick, sentence, at, skipped, file } = g;
  const { agents, endUsers, groups } = people;
  // Tickets, comments, attachments, ratings.
  const tickets = new JsonLines(file('tickets.jsonl'));
  const comments = options.comments === 'separate' ? new JsonLines(file('ticket_comments.jsonl')) : null;
  const events = options.comments === 'events' ? new JsonLines(file('ticket_events.jsonl')) : null;
  const ratings = new JsonLines(file('satisfaction_ratings.jsonl'));
  let commentId = 40_000_000;
  let attachmentId = 60_000_000;
  let ticketsExpected = 0;
  let commentsExpected = 0;
  let attachmentsExpected = 0;
  let ratingsExpected = 0;
  for (let n = 0; n < options.tickets; n++) {
    const id = n + 1;
    const day = Math.floor((n / options.tickets) * 600);
    const odd = n === 7 ? 'missing_requester' : n % 200 === 13 ? 'deleted' : null;
    const requester = n === 11 ? agents[3]! : odd === 'missing_requester' ? 999_999_999 : endUsers[n % endUsers.length]!;
    const status = odd === 'deleted' ? 'deleted' : pick(STATUSES);
    const assignee = status === 'new' ? null : agents[n % agents.length]!;
    const count = 2 + Math.floor(rnd() * 5); // 2..6, four on average
    const thread: Record<string, unknown>[] = [];
    for (let c = 0; c < count; c++) {
      const fromCustomer = c === 0 || c % 2 === 0;
      const note = !fromCustomer && c % 3 === 0;
      const files: Record<string, unknown>[] = [];
      if (rnd() < 0.05) {
        const aid = attachmentId++;
        const name = `log-${aid}.txt`;
        // Every 97th attachment's file is missing from the folder (a partial download): reported.
        if (aid % 97 !== 0) fs.writeFileSync(path.join(folder, 'attachments', `${aid}-${name}`), `log line for ticket ${id}\n`);
        files.push({
          id: aid,
          file_name: name,
          content_url: `https://acme.zendesk.com/attachments/token/x${aid}/?name=${name}`,
          content_type: 'text/plain',
          size: 30,
          inline: false,
          thumbnails: [],
        });
      }
      thread.push({
        id: commentId++,
        type: 'Comment',
        author_id: fromCustomer ? requester : (assignee ?? agents[0]!),
        body: c === 0 ? `Our ${sentence(3)} fails since ${sentence(2)}.` : note ? `Internal: ${sentence(8)}` : `${sentence(12)}.`,
        html_body: '<p>…</p>',
        plain_body: null,
        public: !note,
        attachments: files,
        audit_id: commentId + 5_000_000,
        via: { channel: c === 0 ? 'email' : 'web', source: { from: {}, to: {}, rel: null } },
        created_at: at(day, c * 90),
        metadata: { system: {}, custom: {} },
      });
    }
    const subject = `${sentence(2)} ${n}`;
    const solved = status === 'solved' || status === 'closed';
    const ticket: Record<string, unknown> = {
      url: `https://acme.zendesk.com/api/v2/tickets/${id}.json`,
      id,
      external_id: null,
      via: { channel: pick(CHANNELS), source: { from: {}, to: {}, rel: null } },
      created_at: at(day),
      updated_at: at(day, count * 90 + 30),
      type: pick(TYPES),
      subject,
      raw_subject: subject,
      description: thread[0]!.body,
      priority: pick(PRIORITIES),
      status,
      recipient: 'support@acme.example',
      requester_id: requester,
      submitter_id: requester,
      assignee_id: assignee,
      organization_id: null,
      group_id: assignee ? groups[agents.indexOf(assignee) % groups.length]!.id : null,
      collaborator_ids: [],
      follower_ids: [],
      has_incidents: false,
      is_public: true,
      due_at: null,
      tags: [pick(WORDS), pick(['vip', 'trial', 'renewal'])],
      custom_fields: [
        { id: 900001, value: n % 3 ? `v${n % 9}.${n % 4}` : null },
        { id: 900002, value: pick(PLANS) },
        { id: 900003, value: n % 2 ? [pick(MODULES)] : [] },
        { id: 900004, value: n % 17 === 0 },
        { id: 900005, value: n % 5 ? 10 * (n % 50) : null },
        { id: 900006, value: n % 7 === 0 ? '2024-03-01' : null },
        { id: 900007, value: n % 11 === 0 ? '1250.5' : null },
        { id: 900099, value: null },
      ],
      satisfaction_rating: null,
      sharing_agreement_ids: [],
      brand_id: 1,
      generated_timestamp: 0,
    };
    if (options.comments === 'inline') ticket.comments = thread;
    // A broken line sits among the tickets, as an interrupted download leaves one.
    if (n === 3) await tickets.raw('{"id": 1000000000, "subject": "cut off');
    await tickets.write(ticket);
    if (comments) for (const c of thread) await comments.write({ ...c, ticket_id: id });
    if (events)
      for (const c of thread)
        await events.write({
          id: (c.id as number) + 1,
          ticket_id: id,
          timestamp: Date.parse(c.created_at as string) / 1000,
          created_at: c.created_at,
          updater_id: c.author_id,
          via: 'Web form',
          system: {},
          event_type: 'Audit',
          child_events: [{ ...c, event_type: 'Comment' }],
        });
    let rated = false;
    if (solved && rnd() < 0.3) {
      rated = true;
      await ratings.write({
        id: 50_000_000 + n,
        url: '',
        assignee_id: assignee,
        group_id: ticket.group_id,
        requester_id: requester,
        ticket_id: id,
        score: rnd() < 0.8 ? 'good' : 'bad',
        comment: rnd() < 0.5 ? 'Quick and clear.' : null,
        reason: null,
        created_at: at(day + 1),
        updated_at: at(day + 1),
      });
    } else if (solved && rnd() < 0.1) {
      await ratings.write({
        id: 50_000_000 + n,
        url: '',
        assignee_id: assignee,
        group_id: ticket.group_id,
        requester_id: requester,
        ticket_id: id,
        score: 'offered',
        comment: null,
        reason: null,
        created_at: at(day + 1),
        updated_at: at(day + 1),
      });
      skipped('satisfaction_rating');
    }
    if (odd) {
      skipped('ticket');
      if (rated) skipped('satisfaction_rating');
      continue;
    }
    ticketsExpected += 1;
    commentsExpected += count;
    for (const c of thread)
      for (const a of c.attachments as { id: number }[]) {
        if (a.id % 97 === 0) skipped('attachment');
        else attachmentsExpected += 1;
      }
    if (rated) ratingsExpected += 1;
  }
  skipped('ticket'); // the broken line
  // A rating whose ticket is not in the export (exported another day): reported after the tickets.
  await ratings.write({
    id: 59_999_999,
    url: '',
    ticket_id: 77_777_777,
    score: 'good',
    comment: null,
    created_at: at(1),
    updated_at: at(1),
  });
  skipped('satisfaction_rating');
  await tickets.end();
  await comments?.end();
  await events?.end();
  await ratings.end();
  return { ticketsExpected, commentsExpected, attachmentsExpected, ratingsExpected };
}
