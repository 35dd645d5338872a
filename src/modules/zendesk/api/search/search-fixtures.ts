import { createAccountViaService, createContactViaService, unique } from '../../../../../test/factories/index.js';
import type { TestApp } from '../../../../../test/helpers/test-app.js';
import { SYSTEM_CONTEXT } from '../../../../kernel/actor.js';
import { createTicket, updateTicket } from '../../../support/index.js';
import type { CreateTicketInput, UpdateTicketInput } from '../../../support/contract/tickets.js';

/**
 * A small desk for the search, incremental-export and view tests: one account with two
 * requesters, and tickets written through support's own service (so they are indexed for full
 * text and carry SLA due times like any ticket).
 */
export interface SearchDesk {
  accountId: string;
  accountName: string;
  requesters: { id: string; email: string }[];
  ticket(input: Partial<CreateTicketInput> & { at?: Date }): Promise<{ id: string; number: number }>;
  update(id: string, input: UpdateTicketInput, at?: Date): Promise<void>;
}

export async function searchDesk(t: TestApp): Promise<SearchDesk> {
  const n = unique();
  const account = await createAccountViaService(t.db, { name: `Searchable ${n}`, domains: [`searchable${n}.test`] });
  const requesters = await Promise.all(
    [1, 2].map((i) => createContactViaService(t.db, account.id, { email: `requester${i}-${n}@searchable${n}.test` })),
  );
  return {
    accountId: account.id,
    accountName: account.name,
    requesters: requesters.map((r) => ({ id: r.id, email: r.email })),
    async ticket(input) {
      const { at, ...rest } = input;
      const ticket = await createTicket(
        t.db.kysely,
        SYSTEM_CONTEXT,
        {
          subject: 'A ticket',
          description: 'Something is wrong',
          requesterId: requesters[0]!.id,
          priority: 'normal',
          channel: 'web',
          tags: [],
          ...rest,
        },
        'api',
        at ?? new Date(),
      );
      return { id: ticket.id, number: ticket.number };
    },
    async update(id, input, at) {
      await updateTicket(t.db.kysely, SYSTEM_CONTEXT, id, input, at ?? new Date());
    },
  };
}
