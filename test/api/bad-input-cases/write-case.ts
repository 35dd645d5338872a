import type { SignedIn, TestApp } from '../../helpers/test-app.js';

/** Real records the write routes' `:id` params point at. */
export interface Fixtures {
  accountId: string;
  contactId: string;
  interactionId: string;
  memberId: string;
  tokenId: string;
  ticketId: string;
  calendarId: string;
  policyId: string;
  ruleId: string;
  webhookId: string;
  articleId: string;
  runbookId: string;
  runbookRunId: string;
  macroId: string;
  timeEntryId: string;
  csatToken: string;
  /** Records a module's case set made in its `fixtures` step. */
  [extra: string]: string;
}

export type Body = Record<string, unknown>;

/**
 * One entry per write route. `validBody` is a body the route would accept (so an extra field is
 * the only thing wrong with it), or null for routes that take no body; `wrongTypes` is a body with
 * a value of the wrong type at `path`; `unknownId` is the route pointed at a record that does not
 * exist. A write route missing from this map fails the first test below.
 */
export interface WriteCase {
  /** Portal routes are called as a signed-in customer contact rather than the admin. */
  asContact?: true;
  url(f: Fixtures): string;
  validBody: ((f: Fixtures) => Body) | null;
  wrongTypes?: { body: Body; path: string };
  unknownId?: { url: string; body?: Body; code: string };
}

/**
 * A module's write routes and the records they point at, kept beside the other sets in this folder
 * so modules built in parallel do not edit one map. `fixtures` runs once after the shared fixtures
 * exist; what it returns is merged into `f`.
 */
export interface CaseSet {
  cases: Record<string, WriteCase>;
  fixtures?: (ctx: { t: TestApp; admin: SignedIn; f: Fixtures }) => Promise<Record<string, string>>;
}
