import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { testDialects } from '../../src/db/test-database.js';
import { DEFAULT_RELATIONSHIP_RULES } from '../../src/modules/accounts/relationship-depth.js';
import { portalSignIn, type PortalSignedIn } from '../helpers/portal.js';
import { signInAs, startTestApp, TEST_PASSWORD, type SignedIn, type TestApp } from '../helpers/test-app.js';
import { createAccountViaService, createContactViaService, expectError, logInteractionViaService, unique } from '../factories/index.js';
import type { Fixtures, WriteCase } from './bad-input-cases/write-case.js';
import { engagementCases } from './bad-input-cases/engagements.js';
import { environmentCases } from './bad-input-cases/environments.js';
import { deliveryRecordCases } from './bad-input-cases/delivery-records.js';
import { mailQuarantineCases } from './bad-input-cases/mail-quarantine.js';
import { uatCases } from './bad-input-cases/uat.js';
import { feedbackLoopCases } from './bad-input-cases/feedback-loop.js';
import { engineeringCases } from './bad-input-cases/engineering.js';
import { feedbackRequestCases } from './bad-input-cases/feedback-requests.js';
import { successHealthCases } from './bad-input-cases/success-health.js';
import { successUsageCases } from './bad-input-cases/success-usage.js';
import { successPlaybookCases } from './bad-input-cases/success-playbooks.js';
import { successReviewCases } from './bad-input-cases/success-reviews.js';
import { successPlanCases } from './bad-input-cases/success-plans.js';
import { presalesOpportunitiesCases } from './bad-input-cases/presales-opportunities.js';
import { presalesPocsCases } from './bad-input-cases/presales-pocs.js';
import { presalesSolutionsCases } from './bad-input-cases/presales-solutions.js';
import { presalesLibraryCases } from './bad-input-cases/presales-library.js';
import { presalesQuestionnairesCases } from './bad-input-cases/presales-questionnaires.js';
import { presalesCollateralCases } from './bad-input-cases/presales-collateral.js';
import { teamTimeCases } from './bad-input-cases/team-time.js';
import { teamProfileCases } from './bad-input-cases/team-profile.js';
import { teamViewCases } from './bad-input-cases/team-view.js';
import { ticketFieldCases } from './bad-input-cases/ticket-fields.js';
import { spreadsheetImportCases } from './bad-input-cases/spreadsheet-import.js';

const now = new Date().toISOString();
const T = { firstReplyMinutes: 60, nextReplyMinutes: 120, resolutionMinutes: 480 };
const calendarBody = () => ({
  name: `Hours ${unique()}`,
  timeZone: 'Europe/Berlin',
  weeklyHours: { 1: [{ start: '09:00', end: '17:00' }] },
  holidays: [],
});
const policyBody = () => ({
  name: `Policy ${unique()}`,
  position: 5,
  conditions: {},
  targets: { low: T, normal: T, high: T, urgent: T },
  calendarId: null,
});
const runbookBody = () => ({ title: `Runbook ${unique()}`, tags: ['sso'], steps: [{ instruction: 'Check the IdP metadata' }] });
const ruleBody = () => ({
  name: `Rule ${unique()}`,
  position: 5,
  conditions: { tiers: ['tier1'] },
  actions: { notifyRole: 'support_tier2' },
});

const CORE_CASES: Record<string, WriteCase> = {
  'POST /api/auth/sign-in': {
    url: () => '/api/auth/sign-in',
    validBody: () => ({ email: 'nobody@team.test', password: 'whatever it is' }),
    wrongTypes: { body: { email: 5, password: 'x' }, path: 'email' },
  },
  'POST /api/auth/sign-out': { url: () => '/api/auth/sign-out', validBody: null },
  'DELETE /api/auth/sessions/:id': {
    url: () => '/api/auth/sessions/no-such-session',
    validBody: null,
    unknownId: { url: '/api/auth/sessions/no-such-session', code: 'auth.session_not_found' },
  },
  'POST /api/auth/password': {
    url: () => '/api/auth/password',
    validBody: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' }),
    wrongTypes: { body: { currentPassword: TEST_PASSWORD, newPassword: 12345678901 }, path: 'newPassword' },
  },
  'POST /api/tokens': {
    url: () => '/api/tokens',
    validBody: () => ({ name: 'CI', scopes: ['accounts.read'] }),
    wrongTypes: { body: { name: 'CI', scopes: 'accounts.read' }, path: 'scopes' },
  },
  'POST /api/tokens/:id/revoke': {
    url: (f) => `/api/tokens/${f.tokenId}/revoke`,
    validBody: null,
    unknownId: { url: '/api/tokens/00000000-0000-7000-8000-000000000000/revoke', code: 'tokens.not_found' },
  },
  'POST /api/members': {
    url: () => '/api/members',
    validBody: () => ({ email: `new${unique()}@team.test`, name: 'New Person', roles: ['field'], password: 'long enough password' }),
    wrongTypes: { body: { email: 'x@team.test', name: 'X', roles: 'field' }, path: 'roles' },
  },
  'PATCH /api/members/:id': {
    url: (f) => `/api/members/${f.memberId}`,
    validBody: () => ({ capacityHours: 30 }),
    wrongTypes: { body: { capacityHours: 'forty' }, path: 'capacityHours' },
    unknownId: { url: '/api/members/no-such-member', body: { capacityHours: 30 }, code: 'members.not_found' },
  },
  'POST /api/members/:id/password': {
    url: (f) => `/api/members/${f.memberId}/password`,
    validBody: () => ({ password: 'another long password' }),
    wrongTypes: { body: { password: 12345678901 }, path: 'password' },
    unknownId: { url: '/api/members/no-such-member/password', body: { password: 'another long password' }, code: 'members.not_found' },
  },
  'POST /api/accounts': {
    url: () => '/api/accounts',
    validBody: () => ({ name: `Fresh ${unique()}`, segment: 'smb' }),
    wrongTypes: { body: { name: 'Typed', segment: 'smb', arr: '100000' }, path: 'arr' },
  },
  'PATCH /api/accounts/:id': {
    url: (f) => `/api/accounts/${f.accountId}`,
    validBody: () => ({ arr: 1000 }),
    wrongTypes: { body: { domains: 'initech.com' }, path: 'domains' },
    unknownId: { url: '/api/accounts/no-such-account', body: { arr: 1000 }, code: 'accounts.not_found' },
  },
  'PUT /api/accounts/:id/team': {
    url: (f) => `/api/accounts/${f.accountId}/team`,
    validBody: () => ({ slots: [] }),
    wrongTypes: { body: { slots: [{ role: 'technical_account_manager', memberId: 42 }] }, path: 'slots.0.memberId' },
    unknownId: { url: '/api/accounts/no-such-account/team', body: { slots: [] }, code: 'accounts.not_found' },
  },
  'POST /api/accounts/:id/contacts': {
    url: (f) => `/api/accounts/${f.accountId}/contacts`,
    validBody: () => ({ name: 'Pat', email: `pat${unique()}@initech.com` }),
    wrongTypes: { body: { name: 'Pat', email: 42 }, path: 'email' },
    unknownId: {
      url: '/api/accounts/no-such-account/contacts',
      body: { name: 'Pat', email: 'pat.unknown@initech.com' },
      code: 'accounts.not_found',
    },
  },
  'PATCH /api/contacts/:id': {
    url: (f) => `/api/contacts/${f.contactId}`,
    validBody: () => ({ title: 'CTO' }),
    wrongTypes: { body: { phone: 5551234 }, path: 'phone' },
    unknownId: { url: '/api/contacts/no-such-contact', body: { title: 'CTO' }, code: 'contacts.not_found' },
  },
  'POST /api/accounts/:id/interactions': {
    url: (f) => `/api/accounts/${f.accountId}/interactions`,
    validBody: () => ({ kind: 'call', occurredAt: now, durationMinutes: 15, subject: 'Quick call' }),
    wrongTypes: { body: { kind: 'call', occurredAt: now, durationMinutes: '15', subject: 'Quick call' }, path: 'durationMinutes' },
    unknownId: {
      url: '/api/accounts/no-such-account/interactions',
      body: { kind: 'call', occurredAt: now, durationMinutes: 15, subject: 'Quick call' },
      code: 'accounts.not_found',
    },
  },
  'DELETE /api/interactions/:id': {
    url: (f) => `/api/interactions/${f.interactionId}`,
    validBody: null,
    unknownId: { url: '/api/interactions/no-such-interaction', code: 'interactions.not_found' },
  },
  'POST /api/tickets': {
    url: () => '/api/tickets',
    validBody: () => ({ subject: 'Export fails', description: 'It times out.', requesterEmail: 'bill@initech.com' }),
    wrongTypes: {
      body: { subject: 'Export fails', description: 'It times out.', requesterEmail: 'bill@initech.com', tags: 'export' },
      path: 'tags',
    },
  },
  'PATCH /api/tickets/:id': {
    url: (f) => `/api/tickets/${f.ticketId}`,
    validBody: () => ({ priority: 'high' }),
    wrongTypes: { body: { priority: 3 }, path: 'priority' },
    unknownId: { url: '/api/tickets/no-such-ticket', body: { priority: 'high' }, code: 'tickets.not_found' },
  },
  'POST /api/tickets/:id/messages': {
    url: (f) => `/api/tickets/${f.ticketId}/messages`,
    validBody: () => ({ body: 'Looking into it', visibility: 'internal' }),
    wrongTypes: { body: { body: ['Looking'], visibility: 'internal' }, path: 'body' },
    unknownId: { url: '/api/tickets/no-such-ticket/messages', body: { body: 'Hello' }, code: 'tickets.not_found' },
  },
  'POST /api/tickets/:id/escalate': {
    url: (f) => `/api/tickets/${f.ticketId}/escalate`,
    validBody: () => ({ toTier: 'tier2', reason: 'Needs logs', summary: 'Checked config' }),
    wrongTypes: { body: { toTier: 2, reason: 'Needs logs', summary: 'Checked config' }, path: 'toTier' },
    unknownId: {
      url: '/api/tickets/no-such-ticket/escalate',
      body: { toTier: 'tier2', reason: 'Needs logs', summary: 'Checked config' },
      code: 'tickets.not_found',
    },
  },
  // Multipart and raw-MIME bodies: a JSON body is refused before the handler (malformed, too large).
  'POST /api/tickets/:id/attachments': {
    url: (f) => `/api/tickets/${f.ticketId}/attachments`,
    validBody: null,
    unknownId: { url: '/api/tickets/no-such-ticket/attachments', code: 'tickets.not_found' },
  },
  'POST /api/inbound/email': { url: () => '/api/inbound/email', validBody: null },
  'POST /api/views': {
    url: () => '/api/views',
    validBody: () => ({ name: 'Mine urgent', filters: { assignee: 'me', priorities: ['urgent'] } }),
    wrongTypes: { body: { name: 'Mine', filters: { priorities: 'urgent' } }, path: 'filters.priorities' },
  },
  'POST /api/ticket-groups': {
    url: () => '/api/ticket-groups',
    validBody: () => ({ name: `Group ${unique()}`, tier: 'tier2' }),
    wrongTypes: { body: { name: 'Group', tier: 2 }, path: 'tier' },
  },
  'POST /api/business-calendars': {
    url: () => '/api/business-calendars',
    validBody: calendarBody,
    wrongTypes: { body: { ...calendarBody(), holidays: '2026-12-25' }, path: 'holidays' },
  },
  'PUT /api/business-calendars/:id': {
    url: (f) => `/api/business-calendars/${f.calendarId}`,
    validBody: calendarBody,
    wrongTypes: { body: { ...calendarBody(), timeZone: 1 }, path: 'timeZone' },
    unknownId: { url: '/api/business-calendars/no-such-calendar', body: calendarBody(), code: 'calendars.not_found' },
  },
  'POST /api/sla-policies': {
    url: () => '/api/sla-policies',
    validBody: policyBody,
    wrongTypes: { body: { ...policyBody(), position: 'first' }, path: 'position' },
  },
  'PUT /api/sla-policies/:id': {
    url: (f) => `/api/sla-policies/${f.policyId}`,
    validBody: policyBody,
    wrongTypes: { body: { ...policyBody(), calendarId: 7 }, path: 'calendarId' },
    unknownId: { url: '/api/sla-policies/no-such-policy', body: policyBody(), code: 'sla_policies.not_found' },
  },
  'POST /api/escalation-rules': {
    url: () => '/api/escalation-rules',
    validBody: ruleBody,
    wrongTypes: { body: { ...ruleBody(), position: 'last' }, path: 'position' },
  },
  'PUT /api/escalation-rules/:id': {
    url: (f) => `/api/escalation-rules/${f.ruleId}`,
    validBody: ruleBody,
    wrongTypes: { body: { ...ruleBody(), status: true }, path: 'status' },
    unknownId: { url: '/api/escalation-rules/no-such-rule', body: ruleBody(), code: 'escalation_rules.not_found' },
  },
  'POST /api/escalation-rules/run': { url: () => '/api/escalation-rules/run', validBody: null },
  'POST /api/articles': {
    url: () => '/api/articles',
    validBody: () => ({ title: 'Rotate the SAML certificate', body: '1. Open Settings' }),
    wrongTypes: { body: { title: 'Rotate', tags: 'saml' }, path: 'tags' },
  },
  'PATCH /api/articles/:id': {
    url: (f) => `/api/articles/${f.articleId}`,
    validBody: () => ({ status: 'published' }),
    wrongTypes: { body: { visibility: true }, path: 'visibility' },
    unknownId: { url: '/api/articles/no-such-article', body: { status: 'published' }, code: 'articles.not_found' },
  },
  'DELETE /api/articles/:id': {
    url: (f) => `/api/articles/${f.articleId}`,
    validBody: null,
    unknownId: { url: '/api/articles/no-such-article', code: 'articles.not_found' },
  },
  'POST /api/tickets/:id/articles': {
    url: (f) => `/api/tickets/${f.ticketId}/articles`,
    validBody: (f) => ({ articleId: f.articleId, solved: true }),
    wrongTypes: { body: { articleId: 'x', solved: 'yes' }, path: 'solved' },
    unknownId: { url: '/api/tickets/no-such-ticket/articles', body: { articleId: 'x', solved: true }, code: 'tickets.not_found' },
  },
  'DELETE /api/tickets/:id/articles/:articleId': {
    url: (f) => `/api/tickets/${f.ticketId}/articles/${f.articleId}`,
    validBody: null,
    unknownId: { url: '/api/tickets/no-such-ticket/articles/no-such-article', code: 'tickets.not_found' },
  },
  'POST /api/webhooks': {
    url: () => '/api/webhooks',
    validBody: () => ({ name: 'CRM', url: 'https://crm.example/hooks', eventTypes: ['ticket.created'] }),
    wrongTypes: { body: { name: 'CRM', url: 'https://crm.example/hooks', eventTypes: 'ticket.created' }, path: 'eventTypes' },
  },
  'PATCH /api/webhooks/:id': {
    url: (f) => `/api/webhooks/${f.webhookId}`,
    validBody: () => ({ name: 'Renamed' }),
    wrongTypes: { body: { status: 'sleeping' }, path: 'status' },
    unknownId: { url: '/api/webhooks/no-such-webhook', body: { name: 'Renamed' }, code: 'webhooks.not_found' },
  },
  'DELETE /api/webhooks/:id': {
    url: (f) => `/api/webhooks/${f.webhookId}`,
    validBody: null,
    unknownId: { url: '/api/webhooks/no-such-webhook', code: 'webhooks.not_found' },
  },
  'POST /api/webhooks/:id/ping': {
    url: (f) => `/api/webhooks/${f.webhookId}/ping`,
    validBody: null,
    unknownId: { url: '/api/webhooks/no-such-webhook/ping', code: 'webhooks.not_found' },
  },
  'POST /api/webhook-deliveries/:id/redeliver': {
    url: () => '/api/webhook-deliveries/no-such-delivery/redeliver',
    validBody: null,
    unknownId: { url: '/api/webhook-deliveries/no-such-delivery/redeliver', code: 'webhooks.delivery_not_found' },
  },
  'POST /api/portal/sign-in-link': {
    url: () => '/api/portal/sign-in-link',
    validBody: () => ({ email: 'nobody@initech.com' }),
    wrongTypes: { body: { email: 42 }, path: 'email' },
  },
  'POST /api/portal/sign-in/link': {
    url: () => '/api/portal/sign-in/link',
    validBody: () => ({ token: 'not-a-real-link-token' }),
    wrongTypes: { body: { token: 1234567890123 }, path: 'token' },
  },
  'POST /api/portal/sign-in/password': {
    url: () => '/api/portal/sign-in/password',
    validBody: () => ({ email: 'bill@initech.com', password: 'not the password' }),
    wrongTypes: { body: { email: 'bill@initech.com', password: false }, path: 'password' },
  },
  'POST /api/portal/sign-out': { url: () => '/api/portal/sign-out', validBody: null, asContact: true },
  'POST /api/portal/password': {
    url: () => '/api/portal/password',
    validBody: () => ({ newPassword: 'a long portal password' }),
    wrongTypes: { body: { newPassword: 1234567890123 }, path: 'newPassword' },
    asContact: true,
  },
  'POST /api/portal/tickets': {
    url: () => '/api/portal/tickets',
    validBody: () => ({ subject: 'Help', description: 'Please' }),
    wrongTypes: { body: { subject: 'Help', description: 'Please', priority: 'whenever' }, path: 'priority' },
    asContact: true,
  },
  'POST /api/portal/tickets/:id/messages': {
    url: (f) => `/api/portal/tickets/${f.ticketId}/messages`,
    validBody: () => ({ body: 'More detail' }),
    wrongTypes: { body: { body: ['More'] }, path: 'body' },
    unknownId: { url: '/api/portal/tickets/no-such-ticket/messages', body: { body: 'Hello' }, code: 'tickets.not_found' },
    asContact: true,
  },
  'PUT /api/settings/portal-branding': {
    url: () => '/api/settings/portal-branding',
    validBody: () => ({ name: 'Help', logoUrl: null, colour: '#228be6' }),
    wrongTypes: { body: { name: 'Help', logoUrl: null, colour: 228 }, path: 'colour' },
  },
  'PUT /api/contacts/:id/portal-access': {
    url: (f) => `/api/contacts/${f.contactId}/portal-access`,
    validBody: () => ({ enabled: true }),
    wrongTypes: { body: { enabled: 'yes' }, path: 'enabled' },
    unknownId: { url: '/api/contacts/no-such-contact/portal-access', body: { enabled: true }, code: 'contacts.not_found' },
  },
  'PUT /api/settings/relationship-rules': {
    url: () => '/api/settings/relationship-rules',
    validBody: () => ({ ...DEFAULT_RELATIONSHIP_RULES }),
    wrongTypes: { body: { ...DEFAULT_RELATIONSHIP_RULES, windowDays: 'ninety' }, path: 'windowDays' },
  },
  'POST /api/runbooks': {
    url: () => '/api/runbooks',
    validBody: runbookBody,
    wrongTypes: { body: { title: 'Reset SSO', steps: 'do it' }, path: 'steps' },
  },
  'PUT /api/runbooks/:id': {
    url: (f) => `/api/runbooks/${f.runbookId}`,
    validBody: runbookBody,
    wrongTypes: { body: { ...runbookBody(), status: true }, path: 'status' },
    unknownId: { url: '/api/runbooks/no-such-runbook', body: runbookBody(), code: 'runbooks.not_found' },
  },
  'POST /api/tickets/:id/runbook-runs': {
    url: (f) => `/api/tickets/${f.ticketId}/runbook-runs`,
    validBody: (f) => ({ runbookId: f.runbookId }),
    wrongTypes: { body: { runbookId: 5 }, path: 'runbookId' },
    unknownId: { url: '/api/tickets/no-such-ticket/runbook-runs', body: { runbookId: 'x' }, code: 'tickets.not_found' },
  },
  'POST /api/runbook-runs/:id/steps/:index': {
    url: (f) => `/api/runbook-runs/${f.runbookRunId}/steps/0`,
    validBody: () => ({ outcome: 'skipped' }),
    wrongTypes: { body: { outcome: 1 }, path: 'outcome' },
    unknownId: { url: '/api/runbook-runs/no-such-run/steps/0', body: { outcome: 'skipped' }, code: 'runbook_runs.not_found' },
  },
  'POST /api/runbook-runs/:id/finish': {
    url: (f) => `/api/runbook-runs/${f.runbookRunId}/finish`,
    validBody: () => ({ result: 'escalate' }),
    wrongTypes: { body: { result: 'resolved', reply: 5 }, path: 'reply' },
    unknownId: { url: '/api/runbook-runs/no-such-run/finish', body: { result: 'escalate' }, code: 'runbook_runs.not_found' },
  },
  'POST /api/macros': {
    url: () => '/api/macros',
    validBody: () => ({ title: 'Thanks', body: 'Hi {{requester.first_name}}' }),
    wrongTypes: { body: { title: 'Thanks', body: 'Hi', actions: { addTags: 'sso' } }, path: 'actions.addTags' },
  },
  'PUT /api/macros/:id': {
    url: (f) => `/api/macros/${f.macroId}`,
    validBody: () => ({ title: 'Thanks', body: 'Hi' }),
    wrongTypes: { body: { title: 'Thanks', body: 'Hi', visibility: 1 }, path: 'visibility' },
    unknownId: { url: '/api/macros/no-such-macro', body: { title: 'Thanks', body: 'Hi' }, code: 'macros.not_found' },
  },
  'DELETE /api/macros/:id': {
    url: (f) => `/api/macros/${f.macroId}`,
    validBody: null,
    unknownId: { url: '/api/macros/no-such-macro', code: 'macros.not_found' },
  },
  'POST /api/tickets/:id/macros/:macroId/apply': {
    url: (f) => `/api/tickets/${f.ticketId}/macros/${f.macroId}/apply`,
    validBody: null,
    unknownId: { url: '/api/tickets/no-such-ticket/macros/no-such-macro/apply', code: 'tickets.not_found' },
  },
  'POST /api/tickets/:id/time': {
    url: (f) => `/api/tickets/${f.ticketId}/time`,
    validBody: () => ({ minutes: 15, category: 'routine' }),
    wrongTypes: { body: { minutes: '15', category: 'routine' }, path: 'minutes' },
    unknownId: { url: '/api/tickets/no-such-ticket/time', body: { minutes: 15, category: 'routine' }, code: 'tickets.not_found' },
  },
  'DELETE /api/time-entries/:id': {
    url: (f) => `/api/time-entries/${f.timeEntryId}`,
    validBody: null,
    unknownId: { url: '/api/time-entries/no-such-entry', code: 'time_entries.not_found' },
  },
  'POST /api/csat/:token': {
    url: (f) => `/api/csat/${f.csatToken}`,
    validBody: () => ({ rating: 'good' }),
    wrongTypes: { body: { rating: 5 }, path: 'rating' },
    unknownId: { url: '/api/csat/no-such-token', body: { rating: 'good' }, code: 'csat.not_found' },
  },
};

const CASE_SETS = [
  engagementCases,
  environmentCases,
  deliveryRecordCases,
  mailQuarantineCases,
  uatCases,
  feedbackLoopCases,
  engineeringCases,
  feedbackRequestCases,
  successHealthCases,
  successUsageCases,
  successPlaybookCases,
  successReviewCases,
  successPlanCases,
  presalesOpportunitiesCases,
  presalesPocsCases,
  presalesSolutionsCases,
  presalesLibraryCases,
  presalesQuestionnairesCases,
  presalesCollateralCases,
  teamTimeCases,
  teamProfileCases,
  teamViewCases,
  ticketFieldCases,
  spreadsheetImportCases,
];
const CASES: Record<string, WriteCase> = Object.assign({}, CORE_CASES, ...CASE_SETS.map((set) => set.cases));

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ONE_MIB = 1024 * 1024;

describe.each(testDialects())('bad input to write routes on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let f: Fixtures;

  const auditCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countWhere = async (table: 'accounts' | 'account_domains' | 'interactions' | 'interaction_attendees' | 'contacts' | 'members') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  let portalContact: PortalSignedIn;
  const caller = (spec: WriteCase) => (spec.asContact ? portalContact : admin);

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    const account = await createAccountViaService(t.db, { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' });
    const contact = await createContactViaService(t.db, account.id, { email: 'bill@initech.com', name: 'Bill Lumbergh' });
    const interaction = await logInteractionViaService(t.db, account.id, { contactIds: [contact.id] });
    const other = await signInAs(t, ['field']);
    const token = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'fixture', scopes: ['accounts.read'] } });
    portalContact = await portalSignIn(t, 'bill@initech.com');
    const ticket = await admin.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject: 'Fixture', description: 'A case', requesterId: contact.id },
    });
    const calendar = await admin.request({ method: 'POST', url: '/api/business-calendars', payload: calendarBody() });
    const policy = await admin.request({ method: 'POST', url: '/api/sla-policies', payload: policyBody() });
    const webhook = await admin.request({
      method: 'POST',
      url: '/api/webhooks',
      payload: { name: 'Fixture', url: 'http://127.0.0.1:9/hooks', eventTypes: ['ticket.created'] },
    });
    const rule = await admin.request({ method: 'POST', url: '/api/escalation-rules', payload: ruleBody() });
    f = {
      accountId: account.id,
      contactId: contact.id,
      interactionId: interaction.id,
      memberId: other.memberId,
      tokenId: token.json().apiToken.id,
      ticketId: ticket.json().id,
      calendarId: calendar.json().id,
      policyId: policy.json().id,
      ruleId: rule.json().id,
      webhookId: webhook.json().webhook.id,
      articleId: (await admin.request({ method: 'POST', url: '/api/articles', payload: { title: 'Fixture article' } })).json().id,
      ...(await supportFixtures(ticket.json().id, contact.id)),
    };
    for (const set of CASE_SETS) if (set.fixtures) Object.assign(f, await set.fixtures({ t, admin, f }));
  });
  afterAll(async () => t.close());

  /** A runbook, a run on the fixture ticket, a macro, a time entry, and a solved ticket's rating link. */
  async function supportFixtures(ticketId: string, contactId: string) {
    const runbook = await admin.request({ method: 'POST', url: '/api/runbooks', payload: runbookBody() });
    const run = await admin.request({
      method: 'POST',
      url: `/api/tickets/${ticketId}/runbook-runs`,
      payload: { runbookId: runbook.json().id },
    });
    const macro = await admin.request({ method: 'POST', url: '/api/macros', payload: { title: 'Fixture macro', body: 'Hello' } });
    const entry = await admin.request({
      method: 'POST',
      url: `/api/tickets/${ticketId}/time`,
      payload: { minutes: 5, category: 'routine' },
    });
    const solved = await admin.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject: 'Solved fixture', description: 'Done', requesterId: contactId },
    });
    await admin.request({ method: 'PATCH', url: `/api/tickets/${solved.json().id}`, payload: { status: 'solved' } });
    const survey = await admin.request({ method: 'GET', url: `/api/tickets/${solved.json().id}/csat` });
    return {
      runbookId: runbook.json().id as string,
      runbookRunId: run.json().id as string,
      macroId: macro.json().id as string,
      timeEntryId: entry.json().id as string,
      csatToken: (survey.json().items[0].link as string).replace('/csat/', ''),
    };
  }

  it('has a bad-input case for every write route in the route table, so a new route cannot go untested', () => {
    // The Zendesk-compatible API (/api/v2, issue 18) answers in Zendesk's error shape; its write
    // routes have the same checks in their own bad-input tests under src/modules/zendesk/api.
    const writeRoutes = t.app.routeTable
      .filter((r) => WRITE_METHODS.has(r.method) && !r.url.startsWith('/api/v2/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(writeRoutes.length).toBeGreaterThanOrEqual(15);
    expect([...writeRoutes].sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.keys(CASES))(
    '%s refuses malformed JSON, unknown fields, wrong types and oversized bodies, and changes nothing',
    async (route) => {
      const spec = CASES[route]!;
      const [method] = route.split(' ') as [InjectOptions['method']];
      const url = spec.url(f);
      const json = { 'content-type': 'application/json' };
      const auditBefore = await auditCount();

      const malformed = await caller(spec).request({ method, url, headers: json, payload: '{"name": "Acme",' });
      expectError(malformed, 400, 'request.malformed_json');

      if (spec.validBody) {
        const unknown = await caller(spec).request({ method, url, payload: { ...spec.validBody(f), surpriseField: 1 } });
        const error = expectError(unknown, 400, 'request.invalid');
        expect(error.message).toContain('surpriseField');

        const notAnObject = await caller(spec).request({ method, url, headers: json, payload: '[1, 2, 3]' });
        expectError(notAnObject, 400, 'request.invalid');
      }

      if (spec.wrongTypes) {
        const typed = await caller(spec).request({ method, url, payload: spec.wrongTypes.body });
        const error = expectError(typed, 400, 'request.invalid');
        const issues = error.details.issues as { path: string; message: string }[];
        expect(Array.isArray(issues)).toBe(true);
        expect(issues.map((i) => i.path)).toContain(spec.wrongTypes.path);
        expect(issues.every((i) => typeof i.message === 'string' && i.message.length > 0)).toBe(true);
        expect(error.message).toContain(spec.wrongTypes.path);
      }

      const huge = JSON.stringify({ name: 'x'.repeat(ONE_MIB + 10) });
      const tooLarge = await caller(spec).request({ method, url, headers: json, payload: huge });
      expectError(tooLarge, 413, 'request.too_large');

      // None of the refused requests reached a handler: nothing was written, nothing was audited.
      expect(await auditCount()).toBe(auditBefore);
      const session = await admin.request({ method: 'GET', url: '/api/auth/session' });
      expect(session.statusCode).toBe(200);
    },
  );

  it.each(Object.keys(CASES).filter((r) => CASES[r]!.unknownId))('%s answers 404 for a record that does not exist', async (route) => {
    const spec = CASES[route]!.unknownId!;
    const [method] = route.split(' ') as [InjectOptions['method']];
    const auditBefore = await auditCount();
    const res = await caller(CASES[route]!).request({ method, url: spec.url, ...(spec.body ? { payload: spec.body } : {}) });
    expectError(res, 404, spec.code);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('answers 415 when a write body is in a format the API does not read', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      headers: { 'content-type': 'application/xml' },
      payload: '<account/>',
    });
    expectError(res, 415, 'request.unsupported_media_type');
  });

  it('refuses a second member with the same e-mail, whatever its case, with 409', async () => {
    const first = await admin.request({
      method: 'POST',
      url: '/api/members',
      payload: { email: 'dana.scully@team.test', name: 'Dana', roles: ['field'], password: 'long enough password' },
    });
    expect(first.statusCode).toBe(201);
    const members = await countWhere('members');
    const again = await admin.request({
      method: 'POST',
      url: '/api/members',
      payload: { email: 'Dana.Scully@TEAM.test', name: 'Dana 2', roles: ['field'] },
    });
    expect(expectError(again, 409, 'conflict.duplicate').details.field).toBe('email');
    expect(await countWhere('members')).toBe(members);
  });

  it('refuses an account whose name differs only in case, or whose domain is taken, and writes no part of it', async () => {
    const auditBefore = await auditCount();
    const [accountsBefore, domainsBefore] = [await countWhere('accounts'), await countWhere('account_domains')];

    const sameName = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'iNiTeCh', segment: 'smb', domains: ['initech-two.com'] },
    });
    expectError(sameName, 409, 'conflict.duplicate');

    const sameDomain = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Initrode', segment: 'smb', domains: ['initrode.com', 'INITECH.com'] },
    });
    expect(expectError(sameDomain, 409, 'conflict.duplicate').message).toContain('initech.com');

    expect(await countWhere('accounts')).toBe(accountsBefore);
    expect(await countWhere('account_domains')).toBe(domainsBefore);
    expect(await auditCount()).toBe(auditBefore);
    const search = await admin.request({ method: 'GET', url: '/api/accounts?q=initrode' });
    expect(search.json().items).toEqual([]);
  });

  it('refuses renaming an account to another account’s name or taking its domain, leaving it unchanged', async () => {
    const other = await createAccountViaService(t.db, { name: 'Chotchkies', domains: ['chotchkies.com'] });
    const rename = await admin.request({ method: 'PATCH', url: `/api/accounts/${other.id}`, payload: { name: 'INITECH', arr: 5 } });
    expectError(rename, 409, 'conflict.duplicate');
    const steal = await admin.request({
      method: 'PATCH',
      url: `/api/accounts/${other.id}`,
      payload: { domains: ['chotchkies.com', 'initech.com'] },
    });
    expectError(steal, 409, 'conflict.duplicate');
    const after = (await admin.request({ method: 'GET', url: `/api/accounts/${other.id}` })).json();
    expect(after).toMatchObject({ name: 'Chotchkies', arr: 0, domains: ['chotchkies.com'] });
  });

  it('refuses a contact whose e-mail another contact has, on create and on edit, whatever its case', async () => {
    const other = await createAccountViaService(t.db);
    const create = await admin.request({
      method: 'POST',
      url: `/api/accounts/${other.id}/contacts`,
      payload: { name: 'Bill 2', email: 'BILL@initech.com' },
    });
    expectError(create, 409, 'conflict.duplicate');
    const mine = await createContactViaService(t.db, other.id);
    const edit = await admin.request({ method: 'PATCH', url: `/api/contacts/${mine.id}`, payload: { email: 'Bill@Initech.com' } });
    expectError(edit, 409, 'conflict.duplicate');
    const contacts = (await admin.request({ method: 'GET', url: `/api/accounts/${other.id}/contacts` })).json().items;
    expect(contacts.map((c: { email: string }) => c.email)).toEqual([mine.email]);
  });

  it('refuses a team slot naming a member who does not exist with 422 and keeps the old team', async () => {
    const tam = await signInAs(t, ['technical_account_manager']);
    const set = await admin.request({
      method: 'PUT',
      url: `/api/accounts/${f.accountId}/team`,
      payload: { slots: [{ role: 'technical_account_manager', memberId: tam.memberId }] },
    });
    expect(set.statusCode).toBe(200);
    const auditBefore = await auditCount();
    const bad = await admin.request({
      method: 'PUT',
      url: `/api/accounts/${f.accountId}/team`,
      payload: {
        slots: [
          { role: 'customer_success', memberId: 'no-such-member' },
          { role: 'technical_account_manager', memberId: admin.memberId },
        ],
      },
    });
    expectError(bad, 422, 'request.reference_not_found');
    const account = (await admin.request({ method: 'GET', url: `/api/accounts/${f.accountId}` })).json();
    expect(account.team.map((s: { role: string; memberId: string }) => [s.role, s.memberId])).toEqual([
      ['technical_account_manager', tam.memberId],
    ]);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('refuses an interaction naming an unknown member or another account’s contact, leaving no interaction and no audit entry', async () => {
    const elsewhere = await createAccountViaService(t.db);
    const stranger = await createContactViaService(t.db, elsewhere.id);
    const body = { kind: 'meeting', occurredAt: now, durationMinutes: 30, subject: 'Should not exist' };
    const before = {
      interactions: await countWhere('interactions'),
      attendees: await countWhere('interaction_attendees'),
      audit: await auditCount(),
    };
    const accountBefore = (await admin.request({ method: 'GET', url: `/api/accounts/${f.accountId}` })).json();

    const unknownMember = await admin.request({
      method: 'POST',
      url: `/api/accounts/${f.accountId}/interactions`,
      payload: { ...body, memberIds: [admin.memberId, 'no-such-member'], contactIds: [f.contactId] },
    });
    expectError(unknownMember, 422, 'request.reference_not_found');

    const foreignContact = await admin.request({
      method: 'POST',
      url: `/api/accounts/${f.accountId}/interactions`,
      payload: { ...body, memberIds: [admin.memberId], contactIds: [f.contactId, stranger.id] },
    });
    expectError(foreignContact, 422, 'interactions.attendee_not_on_account');

    const unknownContact = await admin.request({
      method: 'POST',
      url: `/api/accounts/${f.accountId}/interactions`,
      payload: { ...body, contactIds: ['no-such-contact'] },
    });
    expectError(unknownContact, 422, 'request.reference_not_found');

    expect(await countWhere('interactions')).toBe(before.interactions);
    expect(await countWhere('interaction_attendees')).toBe(before.attendees);
    expect(await auditCount()).toBe(before.audit);
    const timeline = (await admin.request({ method: 'GET', url: `/api/accounts/${f.accountId}/interactions` })).json();
    expect(timeline.items.map((i: { subject: string }) => i.subject)).not.toContain('Should not exist');
    const accountAfter = (await admin.request({ method: 'GET', url: `/api/accounts/${f.accountId}` })).json();
    expect(accountAfter.relationshipEvidence.interactionCount).toBe(accountBefore.relationshipEvidence.interactionCount);
  });
});
