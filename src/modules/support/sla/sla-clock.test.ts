import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-calendar.js';
import {
  breachesAdded,
  detectBreaches,
  nextDueAt,
  onAgentPublicReply,
  onCustomerMessage,
  onStatusChange,
  startSla,
  type SlaState,
  type SlaTargets,
  type TicketStatus,
} from './sla-clock.js';

const nineToFive = [{ start: '09:00', end: '17:00' }];
const berlinOffice: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  weeklyHours: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
  holidays: ['2026-06-22'],
};

/** Urgent: first reply within 1 business hour, next reply within 2, resolution within 8. */
const urgent: SlaTargets = { firstReplyMinutes: 60, nextReplyMinutes: 120, resolutionMinutes: 480, businessHours: true };
const urgentAroundTheClock: SlaTargets = { ...urgent, businessHours: false };
const noTargets: SlaTargets = { firstReplyMinutes: null, nextReplyMinutes: null, resolutionMinutes: null, businessHours: true };

/** Berlin wall-clock time (June 2026 is summer time, +02:00). */
const berlin = (text: string) => DateTime.fromISO(text, { zone: 'Europe/Berlin' }).toJSDate();
const iso = (text: string) => berlin(text).toISOString();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Replays a ticket's life: every step takes and returns a frozen state, as the row would. */
class Ticket {
  state: SlaState;
  status: TicketStatus = 'new';

  constructor(
    createdAt: string,
    readonly targets: SlaTargets = urgent,
    readonly cal: BusinessCalendar = berlinOffice,
  ) {
    this.state = deepFreeze(startSla(berlin(createdAt), targets, cal));
  }

  agentReplies(at: string): this {
    this.state = deepFreeze(onAgentPublicReply(this.state, berlin(at), this.targets, this.cal));
    return this;
  }

  customerWrites(at: string): this {
    this.state = deepFreeze(onCustomerMessage(this.state, berlin(at), this.targets, this.cal));
    return this;
  }

  becomes(to: TicketStatus, at: string): this {
    this.state = deepFreeze(onStatusChange(this.state, this.status, to, berlin(at), this.targets, this.cal));
    this.status = to;
    return this;
  }
}

describe('starting the clock', () => {
  it('a ticket opened Tuesday 10:00 owes a first reply by 11:00 and a resolution by Wednesday 10:00', () => {
    expect(startSla(berlin('2026-06-09T10:00'), urgent, berlinOffice)).toEqual({
      firstReplyDueAt: iso('2026-06-09T11:00'),
      nextReplyDueAt: null,
      resolutionDueAt: iso('2026-06-10T10:00'),
      resolutionElapsedMinutes: 0,
      resolutionRunningSince: iso('2026-06-09T10:00'),
      firstReplyAt: null,
      breaches: [],
    });
  });

  it('a ticket opened Friday 16:00 owes a first reply by 17:00 and a resolution by Monday 16:00', () => {
    const state = startSla(berlin('2026-06-12T16:00'), urgent, berlinOffice);
    expect(state.firstReplyDueAt).toBe(iso('2026-06-12T17:00'));
    expect(state.resolutionDueAt).toBe(iso('2026-06-15T16:00'));
  });

  it('a ticket opened on Saturday starts its business-hour targets on Monday morning', () => {
    const state = startSla(berlin('2026-06-13T11:00'), urgent, berlinOffice);
    expect(state.firstReplyDueAt).toBe(iso('2026-06-15T10:00'));
    expect(state.resolutionDueAt).toBe(iso('2026-06-15T17:00'));
  });

  it('targets in calendar hours ignore opening hours: Friday 16:00 plus 8 hours is midnight', () => {
    const state = startSla(berlin('2026-06-12T16:00'), urgentAroundTheClock, berlinOffice);
    expect(state.firstReplyDueAt).toBe(iso('2026-06-12T17:00'));
    expect(state.resolutionDueAt).toBe(iso('2026-06-13T00:00'));
  });

  it('a policy without targets leaves nothing due', () => {
    const state = startSla(berlin('2026-06-09T10:00'), noTargets, berlinOffice);
    expect([state.firstReplyDueAt, state.nextReplyDueAt, state.resolutionDueAt]).toEqual([null, null, null]);
    expect(nextDueAt(state)).toBeNull();
  });
});

describe('first reply', () => {
  it('a first reply before the due time meets the target without a breach', () => {
    const ticket = new Ticket('2026-06-09T10:00').agentReplies('2026-06-09T10:40');
    expect(ticket.state.firstReplyAt).toBe(iso('2026-06-09T10:40'));
    expect(ticket.state.firstReplyDueAt).toBeNull();
    expect(ticket.state.breaches).toEqual([]);
    expect(detectBreaches(ticket.state, berlin('2026-06-09T12:00')).newBreaches).toEqual([]);
  });

  it('a reply exactly at the due time is on time', () => {
    const ticket = new Ticket('2026-06-09T10:00').agentReplies('2026-06-09T11:00');
    expect(ticket.state.breaches).toEqual([]);
  });

  it('a late reply between two sweeps still records the breach, once', () => {
    const before = new Ticket('2026-06-09T10:00').state;
    const after = onAgentPublicReply(before, berlin('2026-06-09T11:30'), urgent, berlinOffice);
    expect(after.breaches).toEqual(['first_reply']);
    expect(breachesAdded(before, after)).toEqual(['first_reply']);
    expect(detectBreaches(after, berlin('2026-06-09T12:00')).newBreaches).toEqual([]);
  });

  it('later replies keep the time of the first one', () => {
    const ticket = new Ticket('2026-06-09T10:00').agentReplies('2026-06-09T10:20').agentReplies('2026-06-09T15:00');
    expect(ticket.state.firstReplyAt).toBe(iso('2026-06-09T10:20'));
  });

  it('a customer message before the first reply starts no next-reply target', () => {
    const ticket = new Ticket('2026-06-09T10:00');
    const before = ticket.state;
    ticket.customerWrites('2026-06-09T10:30');
    expect(ticket.state).toBe(before);
    expect(ticket.state.nextReplyDueAt).toBeNull();
  });
});

describe('next reply', () => {
  it('a customer message after the first reply starts a next-reply target in business hours', () => {
    const ticket = new Ticket('2026-06-09T10:00').agentReplies('2026-06-09T10:30').customerWrites('2026-06-09T16:00');
    expect(ticket.state.nextReplyDueAt).toBe(iso('2026-06-10T10:00'));
  });

  it('a second customer message keeps the due time of the first unanswered one', () => {
    const ticket = new Ticket('2026-06-09T10:00')
      .agentReplies('2026-06-09T10:30')
      .customerWrites('2026-06-09T11:00')
      .customerWrites('2026-06-09T12:00');
    expect(ticket.state.nextReplyDueAt).toBe(iso('2026-06-09T13:00'));
  });

  it('an agent reply meets it, and the next customer message starts a new one', () => {
    const ticket = new Ticket('2026-06-09T10:00')
      .agentReplies('2026-06-09T10:30')
      .customerWrites('2026-06-09T11:00')
      .agentReplies('2026-06-09T12:00');
    expect(ticket.state.nextReplyDueAt).toBeNull();
    expect(ticket.state.breaches).toEqual([]);
    ticket.customerWrites('2026-06-12T16:30');
    expect(ticket.state.nextReplyDueAt).toBe(iso('2026-06-15T10:30'));
  });

  it('a late answer to a customer records a next-reply breach', () => {
    const ticket = new Ticket('2026-06-09T10:00')
      .agentReplies('2026-06-09T10:30')
      .customerWrites('2026-06-09T11:00')
      .agentReplies('2026-06-09T13:01');
    expect(ticket.state.breaches).toEqual(['next_reply']);
  });

  it('a policy without a next-reply target starts none', () => {
    const ticket = new Ticket('2026-06-09T10:00', { ...urgent, nextReplyMinutes: null })
      .agentReplies('2026-06-09T10:30')
      .customerWrites('2026-06-09T11:00');
    expect(ticket.state.nextReplyDueAt).toBeNull();
  });
});

describe('pausing the resolution clock', () => {
  it('a pause on pending Friday afternoon resumed Tuesday morning keeps the remaining time', () => {
    // Opened Friday 10:00 with 8 business hours: due Monday 10:00 if nothing happens.
    const ticket = new Ticket('2026-06-12T10:00').agentReplies('2026-06-12T10:30');
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-15T10:00'));

    ticket.becomes('open', '2026-06-12T10:30').becomes('pending', '2026-06-12T15:00');
    expect(ticket.state.resolutionElapsedMinutes).toBe(300);
    expect(ticket.state.resolutionDueAt).toBeNull();
    expect(ticket.state.resolutionRunningSince).toBeNull();
    // Monday passes while the customer is away: no breach.
    expect(detectBreaches(ticket.state, berlin('2026-06-15T16:00')).newBreaches).toEqual([]);

    ticket.becomes('open', '2026-06-16T09:30');
    expect(ticket.state.resolutionRunningSince).toBe(iso('2026-06-16T09:30'));
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-16T12:30'));
  });

  it('a pause spanning several days and a weekend resumes with the time left, into the next day', () => {
    const ticket = new Ticket('2026-06-10T09:00')
      .agentReplies('2026-06-10T09:10')
      .becomes('pending', '2026-06-10T11:00')
      .becomes('on_hold', '2026-06-12T10:00');
    expect(ticket.state.resolutionElapsedMinutes).toBe(120);
    expect(ticket.state.resolutionDueAt).toBeNull();
    ticket.becomes('open', '2026-06-16T14:00');
    // 360 minutes left: 180 on Tuesday afternoon, 180 on Wednesday morning.
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-17T12:00'));
  });

  it('the time waiting on the customer does not count, however it is spread over days', () => {
    const ticket = new Ticket('2026-06-08T09:00')
      .agentReplies('2026-06-08T09:05')
      .becomes('pending', '2026-06-08T10:00') // 60 used
      .becomes('open', '2026-06-09T16:00')
      .becomes('pending', '2026-06-10T10:00') // + 60 + 60
      .becomes('open', '2026-06-19T12:00'); // 300 left: Friday 12–17
    expect(ticket.state.resolutionElapsedMinutes).toBe(180);
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-19T17:00'));
  });

  it('on hold pauses the clock just as pending does', () => {
    const ticket = new Ticket('2026-06-09T10:00').becomes('on_hold', '2026-06-09T12:00');
    expect(ticket.state.resolutionElapsedMinutes).toBe(120);
    expect(ticket.state.resolutionDueAt).toBeNull();
    ticket.becomes('open', '2026-06-11T09:00');
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-11T15:00'));
  });

  it('a resumed clock skips holidays when it sets the new due time', () => {
    // 2026-06-22 (Monday) is a holiday in this calendar.
    const ticket = new Ticket('2026-06-18T09:00').becomes('pending', '2026-06-18T13:00').becomes('open', '2026-06-19T15:00');
    // 240 minutes left: 120 on Friday, the rest on Tuesday after the holiday.
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-23T11:00'));
  });

  it('first- and next-reply targets keep running while the ticket waits', () => {
    const ticket = new Ticket('2026-06-09T10:00').becomes('pending', '2026-06-09T10:10');
    expect(ticket.state.firstReplyDueAt).toBe(iso('2026-06-09T11:00'));
  });

  it('a pause in calendar hours counts real time, nights and weekends included', () => {
    const ticket = new Ticket('2026-06-12T16:00', urgentAroundTheClock)
      .agentReplies('2026-06-12T16:30')
      .becomes('pending', '2026-06-12T18:00');
    expect(ticket.state.resolutionElapsedMinutes).toBe(120);
    ticket.becomes('open', '2026-06-13T10:00');
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-13T16:00'));
  });

  it('pausing after the resolution target passed records the breach, and resuming makes it due at once', () => {
    const before = new Ticket('2026-06-09T10:00').agentReplies('2026-06-09T10:30').state;
    const paused = onStatusChange(before, 'open', 'pending', berlin('2026-06-10T11:00'), urgent, berlinOffice);
    expect(paused.breaches).toEqual(['resolution']);
    expect(paused.resolutionElapsedMinutes).toBe(540);
    const resumed = onStatusChange(paused, 'pending', 'open', berlin('2026-06-13T10:00'), urgent, berlinOffice);
    expect(resumed.resolutionDueAt).toBe(iso('2026-06-13T10:00'));
    expect(detectBreaches(resumed, berlin('2026-06-15T09:00')).newBreaches).toEqual([]);
  });

  it('a ticket paused with exactly no time left is due at the next opening when it resumes', () => {
    const ticket = new Ticket('2026-06-09T09:00').agentReplies('2026-06-09T09:30').becomes('pending', '2026-06-09T17:00');
    expect(ticket.state.breaches).toEqual([]);
    ticket.becomes('open', '2026-06-13T10:00');
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-15T09:00'));
  });
});

describe('solving and reopening', () => {
  it('solving stops the clock and clears every due time', () => {
    const ticket = new Ticket('2026-06-09T10:00')
      .agentReplies('2026-06-09T10:30')
      .customerWrites('2026-06-09T11:00')
      .becomes('solved', '2026-06-09T12:00');
    expect(ticket.state).toMatchObject({
      firstReplyDueAt: null,
      nextReplyDueAt: null,
      resolutionDueAt: null,
      resolutionRunningSince: null,
      resolutionElapsedMinutes: 120,
      breaches: [],
    });
    expect(nextDueAt(ticket.state)).toBeNull();
  });

  it('reopening a solved ticket resumes resolution with the time already used', () => {
    const ticket = new Ticket('2026-06-09T10:00').agentReplies('2026-06-09T10:30').becomes('solved', '2026-06-09T12:00');
    ticket.becomes('open', '2026-06-11T09:00');
    expect(ticket.state.resolutionElapsedMinutes).toBe(120);
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-11T15:00'));
    // The next-reply target waits for the customer's message.
    expect(ticket.state.nextReplyDueAt).toBeNull();
    ticket.customerWrites('2026-06-11T09:00');
    expect(ticket.state.nextReplyDueAt).toBe(iso('2026-06-11T11:00'));
  });

  it('reopening into pending keeps the clock paused until the ticket is open again', () => {
    const ticket = new Ticket('2026-06-09T10:00').becomes('solved', '2026-06-09T11:00').becomes('pending', '2026-06-10T10:00');
    expect(ticket.state.resolutionDueAt).toBeNull();
    expect(ticket.state.resolutionRunningSince).toBeNull();
    ticket.becomes('open', '2026-06-11T10:00');
    // 60 minutes were used before solving: 420 left.
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-11T17:00'));
  });

  it('solving a paused ticket keeps its used time and stops the reply targets', () => {
    const ticket = new Ticket('2026-06-09T10:00').becomes('pending', '2026-06-09T10:30').becomes('solved', '2026-06-09T10:45');
    expect(ticket.state.resolutionElapsedMinutes).toBe(30);
    expect(nextDueAt(ticket.state)).toBeNull();
  });

  it('solving after a reply target passed records that breach', () => {
    const ticket = new Ticket('2026-06-09T10:00').becomes('solved', '2026-06-09T11:15');
    expect(ticket.state.breaches).toEqual(['first_reply']);
  });

  it('moves within the same phase change nothing', () => {
    const ticket = new Ticket('2026-06-09T10:00');
    const running = ticket.state;
    expect(ticket.becomes('open', '2026-06-09T10:05').state).toBe(running);
    const paused = ticket.becomes('pending', '2026-06-09T11:00').state;
    expect(ticket.becomes('on_hold', '2026-06-09T12:00').state).toBe(paused);
    const solved = ticket.becomes('solved', '2026-06-09T13:00').state;
    expect(ticket.becomes('closed', '2026-06-10T13:00').state).toBe(solved);
  });
});

describe('the earliest due time', () => {
  it('is the first reply while that is the nearest target', () => {
    expect(nextDueAt(new Ticket('2026-06-09T10:00').state)).toBe(iso('2026-06-09T11:00'));
  });

  it('moves to the resolution once the first reply is met', () => {
    expect(nextDueAt(new Ticket('2026-06-09T10:00').agentReplies('2026-06-09T10:10').state)).toBe(iso('2026-06-10T10:00'));
  });

  it('picks a next-reply target that falls before the resolution', () => {
    const ticket = new Ticket('2026-06-09T10:00').agentReplies('2026-06-09T10:10').customerWrites('2026-06-09T11:00');
    expect(nextDueAt(ticket.state)).toBe(iso('2026-06-09T13:00'));
  });

  it('picks the earliest by time, not by the order of the fields', () => {
    const state: SlaState = {
      firstReplyDueAt: '2026-06-09T12:00:00.000Z',
      nextReplyDueAt: '2026-06-09T08:00:00.000Z',
      resolutionDueAt: '2026-06-09T10:00:00.000Z',
      resolutionElapsedMinutes: 0,
      resolutionRunningSince: null,
      firstReplyAt: null,
      breaches: [],
    };
    expect(nextDueAt(state)).toBe('2026-06-09T08:00:00.000Z');
    expect(nextDueAt({ ...state, nextReplyDueAt: null })).toBe('2026-06-09T10:00:00.000Z');
  });

  it('ignores a paused resolution clock', () => {
    const ticket = new Ticket('2026-06-09T10:00').agentReplies('2026-06-09T10:10').becomes('pending', '2026-06-09T10:20');
    expect(nextDueAt(ticket.state)).toBeNull();
  });
});

describe('detecting breaches', () => {
  it('is not a breach at the due instant, but one millisecond later it is', () => {
    const state = new Ticket('2026-06-09T10:00').state;
    expect(detectBreaches(state, berlin('2026-06-09T11:00')).newBreaches).toEqual([]);
    const due = Date.parse(state.firstReplyDueAt!);
    expect(detectBreaches(state, new Date(due + 1)).newBreaches).toEqual(['first_reply']);
  });

  it('records a breach once however often the sweep runs', () => {
    const start = new Ticket('2026-06-09T10:00').state;
    const first = detectBreaches(start, berlin('2026-06-09T11:30'));
    expect(first.newBreaches).toEqual(['first_reply']);
    expect(first.state.breaches).toEqual(['first_reply']);
    expect(first.state.firstReplyDueAt).toBe(start.firstReplyDueAt); // still owed: the queue keeps it on top
    const again = detectBreaches(deepFreeze(first.state), berlin('2026-06-09T11:45'));
    expect(again.newBreaches).toEqual([]);
    expect(again.state).toBe(first.state);
  });

  it('reports several targets that passed since the last sweep together', () => {
    const result = detectBreaches(new Ticket('2026-06-09T10:00').state, berlin('2026-06-10T10:30'));
    expect(result.newBreaches).toEqual(['first_reply', 'resolution']);
  });

  it('returns the same state object when nothing is breached, so callers can skip the write', () => {
    const state = new Ticket('2026-06-09T10:00').state;
    expect(detectBreaches(state, berlin('2026-06-09T10:30')).state).toBe(state);
  });

  it('a breach recorded once stays recorded after the reply and a reopen', () => {
    const ticket = new Ticket('2026-06-09T10:00')
      .agentReplies('2026-06-09T11:10')
      .becomes('solved', '2026-06-09T12:00')
      .becomes('open', '2026-06-10T09:00');
    expect(ticket.state.breaches).toEqual(['first_reply']);
  });
});

describe('a ticket from start to finish', () => {
  it('keeps every target honest through replies, waiting, a weekend and a reopen', () => {
    const ticket = new Ticket('2026-06-11T15:30'); // Thursday
    expect(ticket.state.firstReplyDueAt).toBe(iso('2026-06-11T16:30'));
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-12T15:30'));

    ticket.agentReplies('2026-06-11T16:00').becomes('pending', '2026-06-11T16:00'); // 30 used
    ticket.becomes('open', '2026-06-12T16:30').customerWrites('2026-06-12T16:30'); // Friday
    // 450 minutes left: 30 on Friday, 420 on Monday.
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-15T16:00'));
    expect(ticket.state.nextReplyDueAt).toBe(iso('2026-06-15T10:30'));
    expect(nextDueAt(ticket.state)).toBe(iso('2026-06-15T10:30'));

    const monday = detectBreaches(ticket.state, berlin('2026-06-15T11:00'));
    expect(monday.newBreaches).toEqual(['next_reply']);
    ticket.state = deepFreeze(monday.state);

    ticket.agentReplies('2026-06-15T11:30').becomes('solved', '2026-06-15T12:00');
    expect(ticket.state.resolutionElapsedMinutes).toBe(30 + 30 + 180);
    ticket.becomes('open', '2026-06-16T09:00');
    expect(ticket.state.resolutionDueAt).toBe(iso('2026-06-16T13:00'));
    expect(ticket.state.breaches).toEqual(['next_reply']);
  });
});
