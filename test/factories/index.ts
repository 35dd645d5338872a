import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../../src/db/connect.js';
import { SYSTEM_CONTEXT } from '../../src/kernel/actor.js';
import * as accounts from '../../src/modules/accounts/service.js';
import type {
  Account,
  Contact,
  CreateAccountInput,
  CreateContactInput,
  Interaction,
} from '../../src/modules/accounts/contract/accounts.js';
import type { InteractionKind } from '../../src/modules/accounts/contract/kinds.js';

let sequence = 0;
/** A number unique within the test process, for names and e-mails that must not collide. */
export function unique(): number {
  return ++sequence;
}

/** An account written through the service, as the API would, in one line. */
export function createAccountViaService(db: Db, input: Partial<CreateAccountInput> = {}): Promise<Account> {
  const n = unique();
  return accounts.createAccount(db.kysely, SYSTEM_CONTEXT, {
    name: `Account ${n}`,
    domains: [],
    segment: 'mid_market',
    arr: 0,
    lifecycleStage: 'onboarding',
    renewalDate: null,
    ...input,
  });
}

export function createContactViaService(db: Db, accountId: string, input: Partial<CreateContactInput> = {}): Promise<Contact> {
  const n = unique();
  return accounts.createContact(db.kysely, SYSTEM_CONTEXT, accountId, {
    name: `Contact ${n}`,
    email: `contact${n}@customer.test`,
    ...input,
  });
}

export function logInteractionViaService(
  db: Db,
  accountId: string,
  input: { kind?: InteractionKind; occurredAt?: string; memberIds?: string[]; contactIds?: string[]; subject?: string } = {},
): Promise<Interaction> {
  return accounts.logInteraction(db.kysely, SYSTEM_CONTEXT, accountId, {
    kind: 'meeting',
    occurredAt: new Date().toISOString(),
    durationMinutes: 30,
    subject: 'Check-in',
    memberIds: [],
    contactIds: [],
    ...input,
  });
}

/** An ISO time `days` days before now. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString();
}

/**
 * Asserts the one error shape every failure has — `{"error": {"code", "message", "details"}}`
 * with a message a person can read — and the expected status and code. Returns the error.
 */
export function expectError(
  res: LightMyRequestResponse,
  status: number,
  code?: string,
): { code: string; message: string; details: Record<string, unknown> } {
  const context = `${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, context).toBe(status);
  const body = res.json() as { error: { code: string; message: string; details: Record<string, unknown> } };
  expect(Object.keys(body), context).toEqual(['error']);
  expect(Object.keys(body.error).sort(), context).toEqual(['code', 'details', 'message']);
  expect(typeof body.error.code, context).toBe('string');
  expect(typeof body.error.message, context).toBe('string');
  expect(body.error.message.trim().length, context).toBeGreaterThan(10);
  expect(body.error.details !== null && typeof body.error.details === 'object' && !Array.isArray(body.error.details), context).toBe(true);
  if (code) expect(body.error.code, context).toBe(code);
  return body.error;
}
