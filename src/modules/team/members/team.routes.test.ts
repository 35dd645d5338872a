import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, TEST_PASSWORD, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError, unique } from '../../../../test/factories/index.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { createMember } from './member-service.js';

interface MemberView {
  id: string;
  name: string;
  email: string;
  roles: string[];
  status: string;
}

describe.each(testDialects())('team API on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;

  const signIn = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  const cookieOf = (res: Awaited<ReturnType<typeof signIn>>) =>
    `outpost_session=${res.cookies.find((c) => c.name === 'outpost_session')!.value}`;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
  });
  afterAll(async () => t.close());

  it('creates a member without a password, returns a temporary one once, and it signs in', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/members',
      payload: {
        email: 'Fox.Mulder@Team.test',
        name: 'Fox Mulder',
        roles: ['field', 'support_tier2'],
        skills: ['x-files'],
        timeZone: 'America/New_York',
      },
    });
    expect(res.statusCode).toBe(201);
    const { member, temporaryPassword } = res.json();
    expect(member).toMatchObject({
      email: 'fox.mulder@team.test',
      name: 'Fox Mulder',
      roles: ['field', 'support_tier2'],
      skills: ['x-files'],
      status: 'active',
      timeZone: 'America/New_York',
    });
    expect(typeof temporaryPassword).toBe('string');
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);

    const session = await signIn('FOX.MULDER@team.test', temporaryPassword);
    expect(session.statusCode).toBe(200);
    expect(session.json().member.id).toBe(member.id);

    const fetched = await admin.request({ method: 'GET', url: `/api/members/${member.id}` });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.body).not.toContain(temporaryPassword);
    expect(fetched.json()).not.toHaveProperty('temporaryPassword');
  });

  it('returns no temporary password when the admin sets one', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/members',
      payload: { email: 'dana@team.test', name: 'Dana Scully', roles: ['solutions_architect'], password: 'trust no one ever' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().temporaryPassword).toBeNull();
    expect((await signIn('dana@team.test', 'trust no one ever')).statusCode).toBe(200);
  });

  it('refuses a second member with the same e-mail in another case with 409', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/members',
      payload: { email: 'DANA@TEAM.TEST', name: 'Another Dana', roles: ['field'] },
    });
    expect(expectError(res, 409, 'conflict.duplicate').details.field).toBe('email');
    const list = await admin.request({ method: 'GET', url: '/api/members?q=dana' });
    expect(list.json().items.map((m: MemberView) => m.name)).toEqual(['Dana Scully']);
  });

  it('updates roles, skills, capacity and time zone', async () => {
    const { member } = (
      await admin.request({
        method: 'POST',
        url: '/api/members',
        payload: { email: 'walter@team.test', name: 'Walter Skinner', roles: ['field'] },
      })
    ).json();
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/members/${member.id}`,
      payload: {
        roles: ['technical_account_manager', 'customer_success'],
        skills: ['escalations', 'renewals'],
        capacityHours: 32,
        timeZone: 'Europe/Berlin',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      roles: ['customer_success', 'technical_account_manager'],
      skills: ['escalations', 'renewals'],
      capacityHours: 32,
      timeZone: 'Europe/Berlin',
    });
    const again = (await admin.request({ method: 'GET', url: `/api/members/${member.id}` })).json();
    expect(again).toMatchObject({ roles: ['customer_success', 'technical_account_manager'], capacityHours: 32, timeZone: 'Europe/Berlin' });
  });

  it('puts a member on a team, lists members and teams by it, and takes them off with a blank team', async () => {
    const team = `EMEA Support ${unique()}`;
    const created = await admin.request({
      method: 'POST',
      url: '/api/members',
      payload: { email: `kim.${unique()}@team.test`, name: 'Kim Team', roles: ['support_tier2'], team: `  ${team} ` },
    });
    expect(created.statusCode).toBe(201);
    const kim = created.json().member;
    expect(kim.team).toBe(team);
    const other = await signInAs(t, ['support_tier1']);
    expect((await admin.request({ method: 'GET', url: `/api/members/${other.memberId}` })).json().team).toBeNull();
    const moved = await admin.request({ method: 'PATCH', url: `/api/members/${other.memberId}`, payload: { team } });
    expect(moved.json().team).toBe(team);
    // A change of anything else leaves the team alone.
    await admin.request({ method: 'PATCH', url: `/api/members/${other.memberId}`, payload: { capacityHours: 30 } });

    const list = await admin.request({ method: 'GET', url: `/api/members?team=${encodeURIComponent(team)}` });
    expect(
      list
        .json()
        .items.map((m: MemberView) => m.id)
        .sort(),
    ).toEqual([kim.id, other.memberId].sort());
    expect(
      (await admin.request({ method: 'GET', url: `/api/members?team=${encodeURIComponent(team)}&role=support_tier1` })).json().items,
    ).toHaveLength(1);
    const teams = (await other.request({ method: 'GET', url: '/api/teams' })).json().items as { name: string; members: number }[];
    expect(teams.find((x) => x.name === team)).toEqual({ name: team, members: 2 });

    const cleared = await admin.request({ method: 'PATCH', url: `/api/members/${kim.id}`, payload: { team: '' } });
    expect(cleared.json().team).toBeNull();
    const teamsAfter = (await admin.request({ method: 'GET', url: '/api/teams' })).json().items as { name: string; members: number }[];
    expect(teamsAfter.find((x) => x.name === team)).toEqual({ name: team, members: 1 });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('changes')
      .where('record_id', '=', kim.id)
      .where('action', '=', 'member.updated')
      .executeTakeFirstOrThrow();
    expect(String(audit.changes)).toContain(team);
  });

  it('refuses a team name that is too long or not text with 400, and changes nothing', async () => {
    const member = await signInAs(t, ['field']);
    const long = await admin.request({
      method: 'PATCH',
      url: `/api/members/${member.memberId}`,
      payload: { team: 'x'.repeat(81), capacityHours: 10 },
    });
    expect(expectError(long, 400, 'request.invalid').message).toMatch(/80 characters/);
    expectError(
      await admin.request({ method: 'PATCH', url: `/api/members/${member.memberId}`, payload: { team: 7 } }),
      400,
      'request.invalid',
    );
    const after = (await admin.request({ method: 'GET', url: `/api/members/${member.memberId}` })).json();
    expect(after).toMatchObject({ team: null, capacityHours: 40 });
  });

  it('refuses an unknown time zone with 400 and a message naming the expected form', async () => {
    const other = await signInAs(t, ['field']);
    const res = await admin.request({ method: 'PATCH', url: `/api/members/${other.memberId}`, payload: { timeZone: 'Mars/Olympus_Mons' } });
    const error = expectError(res, 400, 'request.invalid');
    expect(error.message).toContain('timeZone');
    expect(error.message).toMatch(/IANA time zone/);
    expect((await admin.request({ method: 'GET', url: `/api/members/${other.memberId}` })).json().timeZone).toBe('UTC');
  });

  it('ends every session of a member who is disabled, and refuses their sign-in', async () => {
    const member = await signInAs(t, ['support_tier1']);
    const secondDevice = await signIn(member.email, TEST_PASSWORD);
    expect((await member.request({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(200);

    const disable = await admin.request({ method: 'PATCH', url: `/api/members/${member.memberId}`, payload: { status: 'disabled' } });
    expect(disable.statusCode).toBe(200);
    expect(disable.json().status).toBe('disabled');

    expectError(await member.request({ method: 'GET', url: '/api/accounts' }), 401, 'auth.unauthenticated');
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: cookieOf(secondDevice) } }),
      401,
      'auth.unauthenticated',
    );
    expectError(await signIn(member.email, TEST_PASSWORD), 403, 'auth.member_disabled');

    const enable = await admin.request({ method: 'PATCH', url: `/api/members/${member.memberId}`, payload: { status: 'active' } });
    expect(enable.statusCode).toBe(200);
    expect((await signIn(member.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses to remove the admin role from, or disable, the last active admin with 409', async () => {
    const admins = (await admin.request({ method: 'GET', url: '/api/members?role=admin' })).json().items as MemberView[];
    expect(admins.filter((m) => m.status === 'active').map((m) => m.id)).toEqual([admin.memberId]);

    const demote = await admin.request({
      method: 'PATCH',
      url: `/api/members/${admin.memberId}`,
      payload: { roles: ['technical_account_manager'] },
    });
    expectError(demote, 409, 'members.last_admin');
    const disable = await admin.request({ method: 'PATCH', url: `/api/members/${admin.memberId}`, payload: { status: 'disabled' } });
    expectError(disable, 409, 'members.last_admin');
    const still = (await admin.request({ method: 'GET', url: `/api/members/${admin.memberId}` })).json();
    expect(still).toMatchObject({ roles: ['admin'], status: 'active' });

    // With a second admin the first may step down; then the second is the last one.
    const deputy = await signInAs(t, ['admin']);
    const disableDeputy = await admin.request({ method: 'PATCH', url: `/api/members/${deputy.memberId}`, payload: { status: 'disabled' } });
    expect(disableDeputy.statusCode).toBe(200);
    expectError(
      await admin.request({ method: 'PATCH', url: `/api/members/${admin.memberId}`, payload: { status: 'disabled' } }),
      409,
      'members.last_admin',
    );
  });

  it('lists members filtered by role and search, walking every page with no duplicates or gaps', async () => {
    const tag = `Quill${unique()}`;
    const roles = ['field', 'field', 'implementation', 'field', 'implementation', 'field', 'stakeholder'] as const;
    const created: { id: string; name: string; role: string }[] = [];
    for (const [i, role] of roles.entries()) {
      // Two members share a name, so the cursor must break ties by id.
      const name = i === 3 ? `${tag} Member 2` : `${tag} Member ${i}`;
      const { member } = await createMember(t.db.kysely, SYSTEM_CONTEXT, {
        email: `${tag.toLowerCase()}.${i}@team.test`,
        name,
        roles: [role],
        password: TEST_PASSWORD,
      });
      created.push({ id: member.id, name, role });
    }

    const walk = async (query: string) => {
      const seen: MemberView[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await admin.request({
          method: 'GET',
          url: `/api/members?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        });
        expect(res.statusCode).toBe(200);
        const page = res.json() as { items: MemberView[]; nextCursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      return { seen, pages };
    };

    const all = await walk(`q=${tag.toLowerCase()}`);
    expect(all.pages).toBe(4);
    expect(all.seen.map((m) => m.id).sort()).toEqual(created.map((c) => c.id).sort());
    expect(new Set(all.seen.map((m) => m.id)).size).toBe(created.length);
    const names = all.seen.map((m) => m.name);
    expect(names).toEqual([...names].sort());

    const fieldOnly = await walk(`q=${tag}&role=field`);
    expect(fieldOnly.seen.map((m) => m.id).sort()).toEqual(
      created
        .filter((c) => c.role === 'field')
        .map((c) => c.id)
        .sort(),
    );
    expect(fieldOnly.seen.every((m) => m.roles.includes('field'))).toBe(true);

    const byEmail = await admin.request({ method: 'GET', url: `/api/members?q=${tag.toLowerCase()}.6@` });
    expect(byEmail.json().items.map((m: MemberView) => m.roles)).toEqual([['stakeholder']]);

    expectError(await admin.request({ method: 'GET', url: '/api/members?cursor=not-a-cursor' }), 400, 'request.invalid_cursor');
  });

  it('lets a member change their own password, refusing a wrong current password with 401', async () => {
    const member = await signInAs(t, ['implementation']);
    const wrong = await member.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not my password', newPassword: 'my new long password' },
    });
    expectError(wrong, 401, 'auth.invalid_credentials');
    expect((await signIn(member.email, TEST_PASSWORD)).statusCode).toBe(200);

    const short = await member.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(expectError(short, 400, 'request.invalid').message).toMatch(/at least 10 characters/);

    const ok = await member.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'my new long password' },
    });
    expect(ok.statusCode).toBe(204);
    expectError(await signIn(member.email, TEST_PASSWORD), 401, 'auth.invalid_credentials');
    expect((await signIn(member.email, 'my new long password')).statusCode).toBe(200);
  });

  it('lets an admin set a member’s password', async () => {
    const member = await signInAs(t, ['professional_services']);
    const res = await admin.request({
      method: 'POST',
      url: `/api/members/${member.memberId}/password`,
      payload: { password: 'set by the admin' },
    });
    expect(res.statusCode).toBe(204);
    expect((await signIn(member.email, 'set by the admin')).statusCode).toBe(200);
  });

  it('signs out: the cookie is cleared and no longer works', async () => {
    const member = await signInAs(t, ['sales_engineer']);
    const out = await member.request({ method: 'POST', url: '/api/auth/sign-out' });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'outpost_session');
    expect(cleared?.value ?? '').toBe('');
    expectError(await member.request({ method: 'GET', url: '/api/auth/session' }), 401, 'auth.unauthenticated');
    expectError(
      await member.request({ method: 'POST', url: '/api/accounts', payload: { name: 'After sign-out', segment: 'smb' } }),
      401,
      'auth.unauthenticated',
    );
  });
});
