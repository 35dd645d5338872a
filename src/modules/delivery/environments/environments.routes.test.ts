import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { createAccountViaService, createContactViaService, expectError, unique } from '../../../../test/factories/index.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';

const CATALOGUE = [
  ['4.12', '2024-11-04'],
  ['5.0', '2025-02-10'],
  ['5.1', '2025-05-12'],
  ['5.2', '2025-09-01'],
  ['5.10', '2026-01-15'],
] as const;

describe.each(testDialects())('customer environments, releases and upgrade campaigns on %s', (dialect) => {
  let t: TestApp;
  let lead: SignedIn;
  let engineer: SignedIn;
  let reader: SignedIn;
  const product = `Harbor ${unique()}`;

  const count = async (
    table:
      | 'deployments'
      | 'deployment_config_versions'
      | 'upgrade_campaigns'
      | 'campaign_windows'
      | 'campaign_deployments'
      | 'tickets'
      | 'deployment_contacts',
  ) =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditActions = async (recordId: string) =>
    (await t.db.kysely.selectFrom('audit_log').select('action').where('record_id', '=', recordId).orderBy('id').execute()).map(
      (r) => r.action,
    );

  async function account(segment: 'enterprise' | 'smb' | 'strategic' | 'mid_market' = 'enterprise') {
    const n = unique();
    const a = await createAccountViaService(t.db, { name: `Acme ${n}`, domains: [`acme${n}.com`], segment });
    const contact = await createContactViaService(t.db, a.id, { email: `ops@acme${n}.com`, name: `Olga Ops ${n}` });
    return { id: a.id, name: a.name, contactId: contact.id };
  }

  async function register(accountId: string, body: Record<string, unknown>) {
    const res = await engineer.request({
      method: 'POST',
      url: `/api/accounts/${accountId}/environments`,
      payload: { product, hosting: 'cloud', ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; versionsBehind: number; version: string };
  }

  /** A product's catalogue, added by the delivery lead. */
  async function addReleases(name: string, releases: readonly (readonly [string, string])[]) {
    for (const [version, releasedOn] of releases) {
      const res = await lead.request({
        method: 'POST',
        url: '/api/releases',
        payload: { product: name, version, releasedOn, notes: `## ${version}\n- Faster sync` },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    lead = await signInAs(t, ['implementation']);
    engineer = await signInAs(t, ['support_tier2']);
    reader = await signInAs(t, ['stakeholder']);
    await addReleases(product, CATALOGUE);
  });
  afterAll(async () => t.close());

  it('keeps a catalogue newest first by version value, and only delivery leads may add to it', async () => {
    const list = (await reader.request({ method: 'GET', url: `/api/releases?product=${encodeURIComponent(product)}` })).json();
    expect(list.items.map((r: { version: string }) => r.version)).toEqual(['5.10', '5.2', '5.1', '5.0', '4.12']);
    expect(list.items[0]).toMatchObject({ latest: true, supported: true, releasedOn: '2026-01-15' });
    expectError(
      await engineer.request({ method: 'POST', url: '/api/releases', payload: { product, version: '6.0', releasedOn: '2026-06-01' } }),
      403,
      'auth.forbidden',
    );
    const dup = await lead.request({
      method: 'POST',
      url: '/api/releases',
      payload: { product, version: '5.2.0', releasedOn: '2026-06-01' },
    });
    expect(expectError(dup, 409, 'conflict.duplicate').details.field).toBe('version');
    const bad = await lead.request({ method: 'POST', url: '/api/releases', payload: { product, version: 'v6', releasedOn: '2026-06-01' } });
    expect(expectError(bad, 400, 'request.invalid').message).toContain('5.2.1');
    const eol = await lead.request({ method: 'PATCH', url: `/api/releases/${list.items[4].id}`, payload: { supported: false } });
    expect(eol.json()).toMatchObject({ version: '4.12', supported: false });
  });

  it('counts versions behind as the catalogue releases newer than the environment’s version', async () => {
    const a = await account();
    const prod = await register(a.id, { name: 'production', version: '4.12', contactIds: [a.contactId] });
    const staging = await register(a.id, { name: 'staging', version: '5.2' });
    const current = await register(a.id, { name: 'dev', version: '5.10' });
    expect([prod.versionsBehind, staging.versionsBehind, current.versionsBehind]).toEqual([4, 1, 0]);
    const detail = (await reader.request({ method: 'GET', url: `/api/environments/${prod.id}` })).json();
    expect(detail).toMatchObject({
      latestVersion: '5.10',
      versionSupported: false,
      contacts: [{ id: a.contactId }],
      configVersion: 1,
      lastUpgradedAt: null,
    });
    const card = (await reader.request({ method: 'GET', url: `/api/accounts/${a.id}/environments` })).json();
    expect(card.items.map((e: { name: string; versionsBehind: number }) => [e.name, e.versionsBehind])).toEqual([
      ['dev', 0],
      ['production', 4],
      ['staging', 1],
    ]);
    // A newer release puts everyone one further behind.
    await lead.request({ method: 'POST', url: '/api/releases', payload: { product, version: '5.10.1', releasedOn: '2026-02-01' } });
    expect((await reader.request({ method: 'GET', url: `/api/environments/${current.id}` })).json().versionsBehind).toBe(1);
    const matrix = (
      await reader.request({ method: 'GET', url: `/api/environment-matrix?product=${encodeURIComponent(product)}&minBehind=3` })
    ).json();
    const mine = matrix.rows.find((r: { account: { id: string } }) => r.account.id === a.id);
    expect(mine.environments.map((e: { name: string }) => e.name)).toEqual(['production']);
    expect(matrix.releases[0].version).toBe('5.10.1');
    expect(matrix.totals.farBehind).toBeGreaterThanOrEqual(1);
  });

  it('pages the matrix by account, each page with every environment of its accounts and the totals of all pages', async () => {
    const paged = `Pager ${unique()}`;
    await addReleases(paged, [
      ['1.0', '2025-01-01'],
      ['1.1', '2025-06-01'],
      ['2.0', '2026-01-01'],
    ]);
    const accounts: { id: string; name: string; contactId: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await account();
      accounts.push(a);
      await register(a.id, { product: paged, name: 'production', version: i % 2 ? '1.0' : '2.0' });
      if (i < 2) await register(a.id, { product: paged, name: 'staging', version: '1.1' });
    }
    const pageOf = async (query: string) => {
      const res = await reader.request({
        method: 'GET',
        url: `/api/environment-matrix?product=${encodeURIComponent(paged)}&limit=2${query}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        rows: { account: { id: string; name: string }; environments: { name: string }[] }[];
        nextCursor: string | null;
        totals: Record<string, unknown>;
      };
    };
    const pages = [await pageOf('')];
    while (pages[pages.length - 1]!.nextCursor) pages.push(await pageOf(`&cursor=${pages[pages.length - 1]!.nextCursor}`));
    expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 1]);
    const byName = [...accounts].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(pages.flatMap((p) => p.rows.map((r) => r.account.id))).toEqual(byName.map((a) => a.id));
    // An account's environments all come on its row, whichever page it is on.
    const first = pages.flatMap((p) => p.rows).find((r) => r.account.id === accounts[0]!.id)!;
    expect(first.environments.map((e) => e.name)).toEqual(['production', 'staging']);
    for (const page of pages)
      expect(page.totals).toEqual({
        accounts: 5,
        environments: 7,
        current: 3,
        slightlyBehind: 4,
        farBehind: 0,
        byVersion: { '2.0': 3, '1.1': 2, '1.0': 2 },
      });
    // Filters narrow the pages and the totals alike.
    const behind = await pageOf('&minBehind=2');
    expect(behind.rows.map((r) => r.account.id)).toEqual(byName.filter((a) => accounts.indexOf(a) % 2 === 1).map((a) => a.id));
    expect(behind.totals).toMatchObject({ accounts: 2, environments: 2 });
    expect(behind.nextCursor).toBeNull();
    expectError(
      await reader.request({ method: 'GET', url: `/api/environment-matrix?product=${encodeURIComponent(paged)}&cursor=not-a-cursor` }),
      400,
      'request.invalid_cursor',
    );
    expectError(
      await reader.request({ method: 'GET', url: `/api/environment-matrix?product=${encodeURIComponent(paged)}&limit=0` }),
      400,
      'request.invalid',
    );
  });

  it('lists environments a page at a time by account name, with versions behind filtered in the database', async () => {
    const listed = `Lister ${unique()}`;
    await addReleases(listed, [
      ['3.0', '2025-01-01'],
      ['3.1', '2025-06-01'],
      ['3.2', '2026-01-01'],
    ]);
    const made: { id: string; account: string; version: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await account();
      for (const [name, version] of [
        ['production', '3.0'],
        ['staging', '3.2'],
      ] as const)
        made.push({ id: (await register(a.id, { product: listed, name, version })).id, account: a.name, version });
    }
    const list = async (query: string) => {
      const res = await reader.request({ method: 'GET', url: `/api/environments?product=${encodeURIComponent(listed)}&limit=4${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { id: string; account: { name: string }; versionsBehind: number }[]; nextCursor: string | null };
    };
    const first = await list('');
    const second = await list(`&cursor=${first.nextCursor}`);
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const order = [...made].sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.id < b.id ? -1 : 1));
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(order.map((e) => e.id));
    // Two or more behind: only the 3.0 environments, a full page of them.
    const behind = await list('&minBehind=2');
    expect(behind.items.map((e) => e.id)).toEqual(order.filter((e) => e.version === '3.0').map((e) => e.id));
    expect(behind.items.every((e) => e.versionsBehind === 2)).toBe(true);
    expect((await list('&minBehind=3')).items).toEqual([]);
    expectError(await reader.request({ method: 'GET', url: '/api/environments?cursor=WzEsMl0' }), 400, 'request.invalid_cursor');
  });

  it('refuses an unknown version, invalid configuration JSON or another account’s contact, writing nothing', async () => {
    const a = await account();
    const other = await account();
    const before = {
      deployments: await count('deployments'),
      versions: await count('deployment_config_versions'),
      audit: await auditCount(),
    };
    const unknown = await engineer.request({
      method: 'POST',
      url: `/api/accounts/${a.id}/environments`,
      payload: { name: 'production', product, version: '5.3', hosting: 'cloud' },
    });
    const error = expectError(unknown, 422, 'releases.unknown_version');
    expect(error.details.field).toBe('version');
    expect(error.message).toContain('5.3');
    const broken = await engineer.request({
      method: 'POST',
      url: `/api/accounts/${a.id}/environments`,
      payload: { name: 'production', product, version: '5.2', hosting: 'cloud', configuration: '{"sso": ' },
    });
    const issues = expectError(broken, 400, 'request.invalid').details.issues as { path: string; message: string }[];
    expect(issues[0]).toMatchObject({ path: 'configuration' });
    expect(issues[0]!.message).toMatch(/not valid JSON/);
    const list = await engineer.request({
      method: 'POST',
      url: `/api/accounts/${a.id}/environments`,
      payload: { name: 'production', product, version: '5.2', hosting: 'cloud', configuration: '[1]' },
    });
    expect(expectError(list, 400, 'request.invalid').message).toContain('must be a JSON object');
    const foreign = await engineer.request({
      method: 'POST',
      url: `/api/accounts/${a.id}/environments`,
      payload: { name: 'production', product, version: '5.2', hosting: 'cloud', contactIds: [other.contactId] },
    });
    expect(expectError(foreign, 422, 'environments.contact_not_on_account').details.field).toBe('contactIds');
    expectError(
      await reader.request({
        method: 'POST',
        url: `/api/accounts/${a.id}/environments`,
        payload: { name: 'production', product, version: '5.2', hosting: 'cloud' },
      }),
      403,
      'auth.forbidden',
    );
    expect({
      deployments: await count('deployments'),
      versions: await count('deployment_config_versions'),
      audit: await auditCount(),
    }).toEqual(before);

    const env = await register(a.id, { name: 'production', version: '5.2' });
    const auditBefore = await auditCount();
    expectError(
      await engineer.request({ method: 'PATCH', url: `/api/environments/${env.id}`, payload: { version: '9.9' } }),
      422,
      'releases.unknown_version',
    );
    expectError(
      await engineer.request({
        method: 'PATCH',
        url: `/api/environments/${env.id}`,
        payload: { contactIds: [a.contactId, other.contactId] },
      }),
      422,
      'environments.contact_not_on_account',
    );
    expectError(
      await engineer.request({ method: 'PUT', url: `/api/environments/${env.id}/configuration`, payload: { configuration: 'pool = 20' } }),
      400,
      'request.invalid',
    );
    expectError(
      await engineer.request({
        method: 'POST',
        url: `/api/accounts/${a.id}/environments`,
        payload: { name: 'PRODUCTION', product, version: '5.2', hosting: 'cloud' },
      }),
      409,
      'conflict.duplicate',
    );
    expect(await auditCount()).toBe(auditBefore);
    expect((await reader.request({ method: 'GET', url: `/api/environments/${env.id}` })).json()).toMatchObject({
      version: '5.2',
      contacts: [],
      configVersion: 1,
    });
  });

  it('keeps every configuration as a version with who, when and what changed', async () => {
    const a = await account();
    const env = await register(a.id, {
      name: 'production',
      version: '5.2',
      configuration: JSON.stringify({ sso: { provider: 'okta' }, pool: 20 }),
    });
    const saved = await engineer.request({
      method: 'PUT',
      url: `/api/environments/${env.id}/configuration`,
      payload: { configuration: '{"sso": {"provider": "okta", "enforce": true}, "pool": 40}', note: 'Enforce SSO' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ configVersion: 2, configuration: { pool: 40, sso: { enforce: true } } });
    // Saving the same configuration again adds no version.
    await engineer.request({
      method: 'PUT',
      url: `/api/environments/${env.id}/configuration`,
      payload: { configuration: { pool: 40, sso: { provider: 'okta', enforce: true } } },
    });
    const history = (await reader.request({ method: 'GET', url: `/api/environments/${env.id}/configuration-history` })).json();
    expect(history.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.items[0]).toMatchObject({ note: 'Enforce SSO', changedBy: { id: engineer.memberId } });
    expect(history.items[0].changes).toEqual([
      { path: 'pool', kind: 'changed', before: 20, after: 40 },
      { path: 'sso.enforce', kind: 'added', before: null, after: true },
    ]);
    expect(await auditActions(env.id)).toEqual(['environment.created', 'environment.configuration_changed']);
  });

  it('records customisations with owner and repository link, and checks both', async () => {
    const a = await account();
    const env = await register(a.id, { name: 'production', version: '5.2' });
    const bad = await engineer.request({
      method: 'POST',
      url: `/api/environments/${env.id}/customisations`,
      payload: { title: 'SAP connector', repositoryUrl: 'not a url' },
    });
    expect(expectError(bad, 400, 'request.invalid').message).toContain('repository');
    expectError(
      await engineer.request({
        method: 'POST',
        url: `/api/environments/${env.id}/customisations`,
        payload: { title: 'SAP connector', ownerId: 'nobody' },
      }),
      422,
      'request.reference_not_found',
    );
    const made = await engineer.request({
      method: 'POST',
      url: `/api/environments/${env.id}/customisations`,
      payload: {
        title: 'SAP connector',
        reason: 'Orders flow from SAP',
        ownerId: lead.memberId,
        repositoryUrl: 'https://git.example.com/acme/sap-connector',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const edited = await engineer.request({
      method: 'PATCH',
      url: `/api/environments/${env.id}/customisations/${made.json().id}`,
      payload: { reason: 'Orders and invoices flow from SAP' },
    });
    expect(edited.json()).toMatchObject({
      title: 'SAP connector',
      reason: 'Orders and invoices flow from SAP',
      owner: { id: lead.memberId },
    });
    expect((await reader.request({ method: 'GET', url: `/api/environments/${env.id}` })).json().customisations).toHaveLength(1);
    expect(
      (await engineer.request({ method: 'DELETE', url: `/api/environments/${env.id}/customisations/${made.json().id}` })).statusCode,
    ).toBe(204);
    expect((await reader.request({ method: 'GET', url: `/api/environments/${env.id}` })).json().customisations).toEqual([]);
  });

  it('scopes a campaign by filters when it is created, tracks progress, and a done upgrade leaves the environment current', async () => {
    const enterprise = await account('enterprise');
    const small = await account('smb');
    const prod = await register(enterprise.id, { name: 'production', version: '5.0', hosting: 'on_premises', region: 'eu-west' });
    const staging = await register(enterprise.id, { name: 'staging', version: '5.1', hosting: 'cloud' });
    const smbProd = await register(small.id, { name: 'Production', version: '4.12', hosting: 'cloud' });
    await register(small.id, { name: 'dev', version: '5.10.1', hosting: 'cloud' });

    const preview = (
      await reader.request({
        method: 'GET',
        url: `/api/campaigns/scope-preview?product=${encodeURIComponent(product)}&targetVersion=5.10.1&names=production&segments=enterprise,smb`,
      })
    ).json();
    expect(preview.environments.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([prod.id, smbProd.id]));
    expect(preview.environments.map((e: { id: string }) => e.id)).not.toContain(staging.id);

    const created = await engineer.request({
      method: 'POST',
      url: '/api/campaigns',
      payload: {
        name: `Move to 5.10.1 ${unique()}`,
        product,
        targetVersion: '5.10.1',
        filters: { names: ['production'], accountIds: [enterprise.id, small.id] },
        windows: [{ startsAt: '2026-03-07T22:00:00Z', endsAt: '2026-03-08T02:00:00Z', note: 'Saturday night' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const campaign = created.json();
    expect(campaign.entries.map((e: { environment: { id: string } }) => e.environment.id).sort()).toEqual([prod.id, smbProd.id].sort());
    expect(campaign.progress).toEqual({
      total: 2,
      byState: { scheduled: 2, in_progress: 0, done: 0, failed: 0, rolled_back: 0 },
      percentDone: 0,
    });
    expect(campaign.windows).toEqual([
      expect.objectContaining({ startsAt: '2026-03-07T22:00:00.000Z', endsAt: '2026-03-08T02:00:00.000Z', note: 'Saturday night' }),
    ]);
    expect(campaign.owner).toMatchObject({ id: engineer.memberId });

    const step = (deploymentId: string, state: string, note?: string) =>
      engineer.request({
        method: 'POST',
        url: `/api/campaigns/${campaign.id}/environments/${deploymentId}/state`,
        payload: { state, ...(note ? { note } : {}) },
      });
    expect((await step(prod.id, 'in_progress', 'Backup taken')).json().progress.byState).toMatchObject({ scheduled: 1, in_progress: 1 });
    const done = (await step(prod.id, 'done', 'Smoke tests pass')).json();
    expect(done.progress).toMatchObject({ total: 2, percentDone: 50, byState: { done: 1, scheduled: 1 } });
    const entry = done.entries.find((e: { environment: { id: string } }) => e.environment.id === prod.id);
    expect(entry).toMatchObject({ state: 'done', fromVersion: '5.0', note: 'Smoke tests pass', updatedBy: { id: engineer.memberId } });
    expect(entry.history.map((h: { toState: string }) => h.toState)).toEqual(['scheduled', 'in_progress', 'done']);
    expect(entry.environment).toMatchObject({ version: '5.10.1', versionsBehind: 0 });
    const env = (await reader.request({ method: 'GET', url: `/api/environments/${prod.id}` })).json();
    expect(env).toMatchObject({
      version: '5.10.1',
      versionsBehind: 0,
      campaigns: [{ id: campaign.id, state: 'done', fromVersion: '5.0' }],
    });
    expect(Date.parse(env.lastUpgradedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await auditActions(prod.id)).toContain('environment.upgraded');

    // Done is final except for a rollback, which returns the environment to its old version.
    expectError(await step(prod.id, 'in_progress'), 409, 'campaigns.invalid_transition');
    const rolled = (await step(prod.id, 'rolled_back', 'Customer found a regression')).json();
    expect(rolled.entries.find((e: { environment: { id: string } }) => e.environment.id === prod.id).environment).toMatchObject({
      version: '5.0',
      versionsBehind: 4,
    });

    // Adding environments later: by filters (the staging environment) and refusing another product's.
    const added = await engineer.request({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/environments`,
      payload: { filters: { names: ['staging'], accountIds: [enterprise.id] } },
    });
    expect(added.json()).toMatchObject({ added: 1, progress: { total: 3 } });
    const other = await lead.request({
      method: 'POST',
      url: '/api/releases',
      payload: { product: `Other ${unique()}`, version: '1.0', releasedOn: '2026-01-01' },
    });
    const otherEnv = await engineer.request({
      method: 'POST',
      url: `/api/accounts/${small.id}/environments`,
      payload: { name: 'production', product: other.json().product, version: '1.0', hosting: 'cloud' },
    });
    expectError(
      await engineer.request({
        method: 'POST',
        url: `/api/campaigns/${campaign.id}/environments`,
        payload: { deploymentIds: [otherEnv.json().id] },
      }),
      422,
      'campaigns.environment_wrong_product',
    );
    const list = (await reader.request({ method: 'GET', url: '/api/campaigns?limit=50' })).json();
    expect(list.items.find((c: { id: string }) => c.id === campaign.id).progress.total).toBe(3);
  });

  it('opens a support ticket linked to the environment when an upgrade fails', async () => {
    const a = await account();
    const env = await register(a.id, { name: 'production', version: '5.1', contactIds: [a.contactId] });
    const campaign = (
      await engineer.request({
        method: 'POST',
        url: '/api/campaigns',
        payload: { name: `Failing ${unique()}`, product, targetVersion: '5.2', filters: { accountIds: [a.id] } },
      })
    ).json();
    const tickets = await count('tickets');
    const failed = await engineer.request({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/environments/${env.id}/state`,
      payload: { state: 'failed', note: 'Schema migration timed out' },
    });
    expect(failed.statusCode, failed.body).toBe(200);
    const entry = failed.json().entries[0];
    expect(entry.state).toBe('failed');
    expect(entry.ticket.subject).toBe(`Upgrade to 5.2 failed on ${a.name} production`);
    expect(await count('tickets')).toBe(tickets + 1);
    const ticket = (await engineer.request({ method: 'GET', url: `/api/tickets/${entry.ticket.id}` })).json().ticket;
    expect(ticket).toMatchObject({ deploymentId: env.id, account: { id: a.id }, requester: { id: a.contactId }, priority: 'high' });
    const linked = (await engineer.request({ method: 'GET', url: `/api/environments/${env.id}/tickets` })).json();
    expect(linked.items.map((x: { id: string }) => x.id)).toEqual([entry.ticket.id]);
    // The environment keeps its version; retrying and failing again reuses the unsolved ticket.
    expect((await reader.request({ method: 'GET', url: `/api/environments/${env.id}` })).json().version).toBe('5.1');
    await engineer.request({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/environments/${env.id}/state`,
      payload: { state: 'in_progress' },
    });
    await engineer.request({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/environments/${env.id}/state`,
      payload: { state: 'failed', note: 'Again' },
    });
    expect(await count('tickets')).toBe(tickets + 1);
  });

  it('refuses an unknown target version, windows that end before they start and closed campaigns, writing nothing', async () => {
    const a = await account();
    await register(a.id, { name: 'production', version: '5.0' });
    const before = {
      campaigns: await count('upgrade_campaigns'),
      windows: await count('campaign_windows'),
      entries: await count('campaign_deployments'),
      audit: await auditCount(),
    };
    const unknown = await engineer.request({
      method: 'POST',
      url: '/api/campaigns',
      payload: { name: 'Nope', product, targetVersion: '7.0' },
    });
    expect(expectError(unknown, 422, 'releases.unknown_version').details.field).toBe('targetVersion');
    const backwards = await engineer.request({
      method: 'POST',
      url: '/api/campaigns',
      payload: {
        name: 'Backwards',
        product,
        targetVersion: '5.2',
        windows: [{ startsAt: '2026-03-08T02:00:00Z', endsAt: '2026-03-07T22:00:00Z' }],
      },
    });
    const issues = expectError(backwards, 400, 'request.invalid').details.issues as { path: string; message: string }[];
    expect(issues).toEqual([
      expect.objectContaining({ path: 'windows.0.endsAt', message: 'A maintenance window must end after it starts' }),
    ]);
    expectError(
      await reader.request({ method: 'POST', url: '/api/campaigns', payload: { name: 'Reader', product, targetVersion: '5.2' } }),
      403,
      'auth.forbidden',
    );
    expect({
      campaigns: await count('upgrade_campaigns'),
      windows: await count('campaign_windows'),
      entries: await count('campaign_deployments'),
      audit: await auditCount(),
    }).toEqual(before);

    const campaign = (
      await engineer.request({
        method: 'POST',
        url: '/api/campaigns',
        payload: { name: `Closing ${unique()}`, product, targetVersion: '5.2', filters: { accountIds: [a.id] } },
      })
    ).json();
    const windows = await engineer.request({
      method: 'PUT',
      url: `/api/campaigns/${campaign.id}/windows`,
      payload: { windows: [{ startsAt: '2026-04-01T22:00:00Z', endsAt: '2026-04-01T21:00:00Z' }] },
    });
    expectError(windows, 400, 'request.invalid');
    await engineer.request({ method: 'PATCH', url: `/api/campaigns/${campaign.id}`, payload: { status: 'cancelled' } });
    const deploymentId = campaign.entries[0].environment.id;
    expectError(
      await engineer.request({
        method: 'POST',
        url: `/api/campaigns/${campaign.id}/environments/${deploymentId}/state`,
        payload: { state: 'done' },
      }),
      409,
      'campaigns.closed',
    );
    expect((await reader.request({ method: 'GET', url: `/api/environments/${deploymentId}` })).json().version).toBe('5.0');
    expect(await auditActions(campaign.id)).toEqual(['campaign.created', 'campaign.updated']);
  });
});
