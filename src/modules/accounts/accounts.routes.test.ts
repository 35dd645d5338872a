import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../test/helpers/test-app.js';

describe.each(testDialects())('accounts API on %s', (dialect) => {
  let t: TestApp;
  let tam: SignedIn;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    tam = await signInAs(t, ['technical_account_manager']);
  });
  afterAll(async () => t.close());

  it('creates an account, adds a contact, logs a meeting and shows it on the timeline', async () => {
    const created = await tam.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Globex', domains: ['globex.com'], segment: 'enterprise', arr: 250000, renewalDate: '2027-03-31' },
    });
    expect(created.statusCode).toBe(201);
    const account = created.json();
    expect(account.relationship).toBe('transactional');
    const contact = await tam.request({
      method: 'POST',
      url: `/api/accounts/${account.id}/contacts`,
      payload: { name: 'Hank Scorpio', email: 'hank@globex.com', customerRole: 'decision_maker' },
    });
    expect(contact.statusCode).toBe(201);
    const meeting = await tam.request({
      method: 'POST',
      url: `/api/accounts/${account.id}/interactions`,
      payload: {
        kind: 'meeting',
        occurredAt: new Date().toISOString(),
        durationMinutes: 45,
        subject: 'Kick-off',
        memberIds: [tam.memberId],
        contactIds: [contact.json().id],
      },
    });
    expect(meeting.statusCode).toBe(201);
    const timeline = await tam.request({ method: 'GET', url: `/api/accounts/${account.id}/interactions` });
    expect(timeline.json().items).toHaveLength(1);
    expect(
      timeline
        .json()
        .items[0].attendees.map((a: { name: string }) => a.name)
        .sort(),
    ).toEqual(['Hank Scorpio', 'Test technical_account_manager']);
  });

  it('refuses a second account with the same name, whatever its case, with 409', async () => {
    const res = await tam.request({ method: 'POST', url: '/api/accounts', payload: { name: 'GLOBEX', segment: 'smb' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict.duplicate');
  });

  it('treats % and _ in a search as plain characters, not wildcards', async () => {
    await tam.request({ method: 'POST', url: '/api/accounts', payload: { name: '100% Uptime Ltd', segment: 'smb' } });
    const percent = await tam.request({ method: 'GET', url: `/api/accounts?q=${encodeURIComponent('0%')}` });
    expect(percent.json().items.map((a: { name: string }) => a.name)).toEqual(['100% Uptime Ltd']);
    const underscore = await tam.request({ method: 'GET', url: '/api/accounts?q=_' });
    expect(underscore.json().items).toEqual([]);
  });

  it('lists renewals inside a date range, leaving undated accounts out', async () => {
    for (const [name, renewalDate] of [
      ['Renews March', '2031-03-15'],
      ['Renews June', '2031-06-15'],
      ['No renewal', null],
    ] as const) {
      await tam.request({ method: 'POST', url: '/api/accounts', payload: { name, segment: 'smb', renewalDate } });
    }
    const res = await tam.request({ method: 'GET', url: '/api/accounts?renewalFrom=2031-01-01&renewalTo=2031-04-30&sort=renewal_date' });
    expect(res.json().items.map((a: { name: string }) => a.name)).toEqual(['Renews March']);
  });
});
