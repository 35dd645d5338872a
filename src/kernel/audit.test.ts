import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../test/helpers/test-app.js';
import { expectError } from '../../test/factories/index.js';
import { DEFAULT_RELATIONSHIP_RULES } from '../modules/accounts/relationship-depth.js';

interface AuditEntry {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string;
  changes: Record<string, [unknown, unknown]> | null;
  ip: string | null;
}

describe.each(testDialects())('audit log on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;

  /** The entries for one record, oldest first, read through the API as an admin would. */
  const history = async (recordType: string, recordId: string): Promise<AuditEntry[]> => {
    const res = await admin.request({ method: 'GET', url: `/api/audit?recordType=${recordType}&recordId=${recordId}&limit=200` });
    expect(res.statusCode).toBe(200);
    return (res.json().items as AuditEntry[]).reverse();
  };
  const last = async (recordType: string, recordId: string, action: string): Promise<AuditEntry> => {
    const entries = (await history(recordType, recordId)).filter((e) => e.action === action);
    expect(entries.length, `${action} on ${recordType} ${recordId}`).toBeGreaterThan(0);
    return entries[entries.length - 1]!;
  };
  const byAdmin = (entry: AuditEntry) => {
    expect(entry.actorType).toBe('member');
    expect(entry.actorId).toBe(admin.memberId);
    expect(entry.actorName).toBe('Test admin');
    expect(entry.ip).toBe('127.0.0.1');
    expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
  });
  afterAll(async () => t.close());

  it('records who created and changed a member, with the changed fields before and after', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/members',
      payload: { email: 'kim@team.test', name: 'Kim', roles: ['field'], skills: ['sso'] },
    });
    const id = created.json().member.id as string;
    const create = await last('member', id, 'member.created');
    byAdmin(create);
    expect(create.changes).toEqual({
      email: [null, 'kim@team.test'],
      name: [null, 'Kim'],
      roles: [null, ['field']],
      skills: [null, ['sso']],
    });

    await admin.request({
      method: 'PATCH',
      url: `/api/members/${id}`,
      payload: { capacityHours: 20, roles: ['field', 'implementation'], name: 'Kim' },
    });
    const update = await last('member', id, 'member.updated');
    byAdmin(update);
    expect(update.changes).toEqual({ capacityHours: [40, 20], roles: [['field'], ['field', 'implementation']] });
    expect(JSON.stringify(await history('member', id))).not.toMatch(/scrypt|password_hash/);
  });

  it('records account create, update and team changes', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Soylent', domains: ['soylent.com'], segment: 'enterprise', arr: 100000 },
    });
    const id = created.json().id as string;
    const create = await last('account', id, 'account.created');
    byAdmin(create);
    expect(create.changes).toMatchObject({
      name: [null, 'Soylent'],
      domains: [null, ['soylent.com']],
      segment: [null, 'enterprise'],
      arr: [null, 100000],
    });

    await admin.request({
      method: 'PATCH',
      url: `/api/accounts/${id}`,
      payload: { arr: 150000, lifecycleStage: 'expansion', segment: 'enterprise' },
    });
    const update = await last('account', id, 'account.updated');
    byAdmin(update);
    expect(update.changes).toEqual({ arr: [100000, 150000], lifecycleStage: ['onboarding', 'expansion'] });

    await admin.request({
      method: 'PUT',
      url: `/api/accounts/${id}/team`,
      payload: { slots: [{ role: 'technical_account_manager', memberId: admin.memberId }] },
    });
    const team = await last('account', id, 'account.team_changed');
    byAdmin(team);
    expect(team.changes).toEqual({ team: [[], [{ role: 'technical_account_manager', memberId: admin.memberId }]] });
  });

  it('records contact create and update, and interaction log and delete', async () => {
    const account = (await admin.request({ method: 'POST', url: '/api/accounts', payload: { name: 'Oscorp', segment: 'smb' } })).json();
    const contact = (
      await admin.request({
        method: 'POST',
        url: `/api/accounts/${account.id}/contacts`,
        payload: { name: 'Norman', email: 'norman@oscorp.com' },
      })
    ).json();
    const create = await last('contact', contact.id, 'contact.created');
    byAdmin(create);
    expect(create.changes).toMatchObject({ name: [null, 'Norman'], email: [null, 'norman@oscorp.com'], accountId: [null, account.id] });

    await admin.request({ method: 'PATCH', url: `/api/contacts/${contact.id}`, payload: { title: 'CEO', name: 'Norman' } });
    const update = await last('contact', contact.id, 'contact.updated');
    byAdmin(update);
    expect(update.changes).toEqual({ title: [null, 'CEO'] });

    const occurredAt = '2026-01-15T10:00:00.000Z';
    const logged = (
      await admin.request({
        method: 'POST',
        url: `/api/accounts/${account.id}/interactions`,
        payload: { kind: 'workshop', occurredAt, durationMinutes: 90, subject: 'Glider design', contactIds: [contact.id] },
      })
    ).json();
    const log = await last('interaction', logged.id, 'interaction.logged');
    byAdmin(log);
    expect(log.changes).toMatchObject({
      accountId: [null, account.id],
      kind: [null, 'workshop'],
      occurredAt: [null, occurredAt],
      subject: [null, 'Glider design'],
      contactIds: [null, [contact.id]],
    });

    expect((await admin.request({ method: 'DELETE', url: `/api/interactions/${logged.id}` })).statusCode).toBe(204);
    const removed = await last('interaction', logged.id, 'interaction.deleted');
    byAdmin(removed);
    expect(removed.changes).toEqual({
      accountId: [account.id, null],
      kind: ['workshop', null],
      occurredAt: [occurredAt, null],
      subject: ['Glider design', null],
    });
  });

  it('records token creation and revocation, and names the token as the actor of what it does', async () => {
    const made = (
      await admin.request({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'Billing sync', scopes: ['accounts.write', 'accounts.read'] },
      })
    ).json();
    const create = await last('api_token', made.apiToken.id, 'api_token.created');
    byAdmin(create);
    expect(create.changes).toEqual({ name: [null, 'Billing sync'], scopes: [null, ['accounts.write', 'accounts.read']] });
    expect(JSON.stringify(create)).not.toContain(made.token);

    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { authorization: `Bearer ${made.token}` },
      payload: { name: 'Made by token', segment: 'smb' },
    });
    const tokenEntry = await last('account', viaToken.json().id, 'account.created');
    expect(tokenEntry).toMatchObject({
      actorType: 'token',
      actorId: made.apiToken.id,
      actorName: 'API token “Billing sync”',
      ip: '127.0.0.1',
    });

    const revoked = (await admin.request({ method: 'POST', url: `/api/tokens/${made.apiToken.id}/revoke` })).json();
    const revoke = await last('api_token', made.apiToken.id, 'api_token.revoked');
    byAdmin(revoke);
    expect(revoke.changes).toEqual({ revokedAt: [null, revoked.revokedAt] });
  });

  it('records a settings change with the rules before and after', async () => {
    const tighter = { ...DEFAULT_RELATIONSHIP_RULES, minInteractions: 9 };
    expect((await admin.request({ method: 'PUT', url: '/api/settings/relationship-rules', payload: tighter })).statusCode).toBe(200);
    const change = await last('setting', 'accounts.relationship_rules', 'settings.relationship_rules_changed');
    byAdmin(change);
    expect(change.changes).toEqual({ rules: [DEFAULT_RELATIONSHIP_RULES, tighter] });
  });

  it('filters by actor and record and pages newest first with no duplicates or gaps', async () => {
    const tam = await signInAs(t, ['technical_account_manager']);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await tam.request({ method: 'POST', url: '/api/accounts', payload: { name: `Audit Paging ${i}`, segment: 'smb' } });
      ids.push(res.json().id);
    }
    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await admin.request({
        method: 'GET',
        url: `/api/audit?actorId=${tam.memberId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items);
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor && pages < 10);
    // Seven account.created entries and the sign-in that created the session.
    expect(seen.every((e) => e.actorId === tam.memberId)).toBe(true);
    expect(seen.filter((e) => e.action === 'account.created').map((e) => e.recordId)).toEqual([...ids].reverse());
    expect(seen.map((e) => e.action)).toContain('session.created');
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(seen.map((e) => e.id)).toEqual([...seen.map((e) => e.id)].sort((a, b) => b - a));
    expect(pages).toBe(Math.ceil(seen.length / 3));

    const one = (await admin.request({ method: 'GET', url: `/api/audit?recordType=account&recordId=${ids[3]}` })).json()
      .items as AuditEntry[];
    expect(one.map((e) => [e.action, e.recordId])).toEqual([['account.created', ids[3]]]);
  });

  it('refuses a cursor it did not hand out with 400', async () => {
    for (const cursor of ['garbage', Buffer.from(JSON.stringify(['abc', 'x'])).toString('base64url')]) {
      expectError(await admin.request({ method: 'GET', url: `/api/audit?cursor=${cursor}` }), 400, 'request.invalid_cursor');
    }
  });

  it('has no route that edits or deletes audit entries', async () => {
    const auditWrites = t.app.routeTable.filter((r) => r.url.startsWith('/api/audit') && r.method !== 'GET');
    expect(auditWrites).toEqual([]);
    const entry = ((await admin.request({ method: 'GET', url: '/api/audit?limit=1' })).json().items as AuditEntry[])[0]!;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expectError(await admin.request({ method, url: `/api/audit/${entry.id}`, payload: {} }), 404, 'route.not_found');
    }
    expectError(await admin.request({ method: 'DELETE', url: '/api/audit' }), 404, 'route.not_found');
    const still = (await admin.request({ method: 'GET', url: '/api/audit?limit=200' })).json().items as AuditEntry[];
    expect(still.map((e) => e.id)).toContain(entry.id);
  });

  it('exports the filtered log as CSV, quoting values that contain commas', async () => {
    const account = await admin.request({ method: 'POST', url: '/api/accounts', payload: { name: 'Comma, Inc.', segment: 'smb' } });
    const res = await admin.request({ method: 'GET', url: `/api/audit/export.csv?recordType=account&recordId=${account.json().id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="outpost-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('id,at,actor_type,actor_id,actor_name,action,record_type,record_id,changes,ip');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('account.created');
    expect(lines[1]).toContain('Comma, Inc.');
    expect(lines[1]).toContain('Test admin');
    const later = await admin.request({
      method: 'GET',
      url: `/api/audit/export.csv?recordId=${account.json().id}&from=2999-01-01T00:00:00Z`,
    });
    expect(later.body.trim().split('\n')).toHaveLength(1);
  });
});
