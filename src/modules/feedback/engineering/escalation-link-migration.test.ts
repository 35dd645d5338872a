import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectTypes } from '../../../db/dialect.js';
import { parseEngineeringLink, up } from '../../../db/migrations/0020-escalation-engineering-issues.js';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, type SignedIn, type TestApp, startTestApp } from '../../../../test/helpers/test-app.js';
import { ticketOnEnvironment } from './test-engineering.js';

describe('reading an old engineering link', () => {
  it('knows GitHub issue URLs, Jira browse URLs, and keeps anything else as an Outpost issue', () => {
    expect(parseEngineeringLink('https://github.com/acme/relay/issues/45')).toEqual({ tracker: 'github', key: 'acme/relay#45' });
    expect(parseEngineeringLink('https://github.com/acme/relay.js/issues/7#issuecomment-1')).toEqual({
      tracker: 'github',
      key: 'acme/relay.js#7',
    });
    expect(parseEngineeringLink('https://acme.atlassian.net/browse/PROJ-12')).toEqual({ tracker: 'jira', key: 'PROJ-12' });
    expect(parseEngineeringLink('https://jira.acme.example/jira/browse/OPS-3?focused=1')).toEqual({ tracker: 'jira', key: 'OPS-3' });
    expect(parseEngineeringLink('https://github.com/acme/relay/pull/45')).toEqual({ tracker: 'outpost', key: null });
    expect(parseEngineeringLink('https://linear.app/acme/issue/ENG-9')).toEqual({ tracker: 'outpost', key: null });
  });
});

describe.each(testDialects())('migrating escalations’ engineering links on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier2']);
  });
  afterAll(async () => t.close());

  it('turns each distinct link into an issue linked to its tickets, with the environment, and runs twice without duplicates', async () => {
    const a = await ticketOnEnvironment(t, admin, agent);
    const b = await ticketOnEnvironment(t, admin, agent);
    const c = await ticketOnEnvironment(t, admin, agent);
    const escalate = (ticketId: string, engineeringLink: string) =>
      agent.request({
        method: 'POST',
        url: `/api/tickets/${ticketId}/escalate`,
        payload: { toTier: 'engineering', reason: 'Bug', summary: 'Tried the runbook', engineeringLink },
      });
    expect((await escalate(a.ticketId, 'https://github.com/acme/relay/issues/45')).statusCode).toBe(201);
    await escalate(b.ticketId, 'https://github.com/acme/relay/issues/45');
    await escalate(c.ticketId, 'https://bugs.acme.example/show?id=9');

    await up(t.db.kysely as never, dialectTypes(t.db.dialect));
    await up(t.db.kysely as never, dialectTypes(t.db.dialect));

    const issues = await t.db.kysely.selectFrom('engineering_issues').selectAll().orderBy('key').execute();
    expect(issues.map((i) => [i.key, i.tracker, i.tracker_url])).toEqual([
      ['ENG-1', 'outpost', 'https://bugs.acme.example/show?id=9'],
      ['acme/relay#45', 'github', 'https://github.com/acme/relay/issues/45'],
    ]);
    const github = (await agent.request({ method: 'GET', url: `/api/engineering-issues/${issues[1]!.id}` })).json();
    expect(github.tickets.map((x: { id: string }) => x.id).sort()).toEqual([a.ticketId, b.ticketId].sort());
    expect(github).toMatchObject({
      title: 'Export times out on large projects',
      severity: 'high',
      reproduction: { steps: 'Tried the runbook', productVersion: '4.1.0' },
    });
    // Old clients still read the link from the support API.
    const escalations = (await agent.request({ method: 'GET', url: `/api/tickets/${c.ticketId}/escalations` })).json();
    expect(JSON.stringify(escalations)).toContain('https://bugs.acme.example/show?id=9');
  });
});
