import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { listContacts } from '../../modules/accounts/index.js';
import type { ChangeContext } from '../../kernel/actor.js';
import { findMemberRowByEmail } from '../../modules/team/index.js';
import { addCustomisation } from '../../modules/delivery/index.js';
import { createEnvironment, saveConfiguration } from '../../modules/delivery/index.js';
import { createRelease } from '../../modules/delivery/index.js';
import { changeUpgradeState, createCampaign, updateCampaign } from '../../modules/delivery/index.js';
import type { UpgradeState } from '../../modules/delivery/index.js';
import { SeededRandom } from './random.js';

export const DEMO_PRODUCT = 'Beacon Platform';
export const DEMO_CONNECTOR = 'Beacon Edge Connector';

/** Two years of releases, oldest first: [version, days before now, supported, notes]. */
const PLATFORM_RELEASES: [string, number, boolean, string][] = [
  ['4.0', 730, false, '- SCIM provisioning replaces the legacy LDAP connector\n- New admin console'],
  ['4.1', 650, false, '- Webhook retries with back-off\n- Audit export to S3'],
  ['4.2', 570, false, '- Analytics move to a new schema (dashboards re-aggregate after the upgrade)\n- Faster search'],
  ['4.3', 490, true, '- Role-based dashboards\n- PostgreSQL 15 support'],
  ['4.4', 410, true, '- Data residency regions (EU, APAC)\n- Bulk import API'],
  ['4.5', 330, true, '- Zero-downtime upgrades for cloud tenants\n- SAML certificate rollover'],
  ['4.5.1', 300, true, '- Fix: SAML rollover could sign out every user\n- Security: patched XML parser'],
  ['4.6', 220, true, '- Workflow engine v2\n- Kubernetes Helm chart for on-premises installs'],
  ['4.7', 130, true, '- Usage reporting API\n- Field-level encryption'],
  ['4.8', 40, true, '- Multi-region failover\n- Customisable approval flows\n- Drops PostgreSQL 12'],
];
const CONNECTOR_RELEASES: [string, number, boolean, string][] = [
  ['2.0', 600, false, '- First release of the on-premises edge connector'],
  ['2.1', 420, true, '- Proxy support\n- Windows service installer'],
  ['2.2', 250, true, '- Offline buffering up to 72 hours'],
  ['3.0', 60, true, '- mTLS to the platform\n- ARM64 builds'],
];

const REGIONS: Record<string, string[]> = {
  cloud: ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'],
  on_premises: ['Customer data centre (Frankfurt)', 'Customer data centre (Dallas)', 'Customer data centre (Toronto)'],
  hybrid: ['eu-west-1 + on-premises', 'us-east-1 + on-premises'],
};

const CUSTOMISATIONS: { title: string; reason: string; repo: string }[] = [
  {
    title: 'SAP order export',
    reason: 'Orders must reach SAP S/4HANA within five minutes for same-day shipping.',
    repo: 'sap-order-export',
  },
  {
    title: 'Custom SSO claim mapping',
    reason: 'Their Azure AD sends department codes in a non-standard claim.',
    repo: 'sso-claim-mapping',
  },
  { title: 'Nightly data-warehouse sync', reason: 'Finance reports run on Snowflake from our usage tables.', repo: 'dwh-sync' },
  {
    title: 'Approval flow for regulated changes',
    reason: 'Auditors require two approvers on production configuration changes.',
    repo: 'regulated-approvals',
  },
  { title: 'Branded customer portal theme', reason: 'Portal must match their public site for end customers.', repo: 'portal-theme' },
];

const DAY = 86_400_000;

/**
 * The demo release catalogue, one to three environments for most accounts spread across versions
 * (so the matrix shows green, yellow and red), customisations and configuration history on some,
 * a completed campaign and one in progress with mixed states — all through the services.
 */
export async function seedDemoEnvironments(db: Kysely<Database>, now: Date): Promise<void> {
  const rnd = new SeededRandom(5013);
  const at = (daysAgo: number, hour = 10) => {
    const d = new Date(now.getTime() - daysAgo * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const memberCtx = async (email: string): Promise<ChangeContext> => {
    const row = await findMemberRowByEmail(db, email);
    return { actorType: 'member', actorId: row?.id ?? null, memberId: row?.id ?? null, ip: null };
  };
  const tomas = await memberCtx('tomas.herrera@outpost.local');
  const elena = await memberCtx('elena.petrova@outpost.local');
  const yuki = await memberCtx('yuki.tanaka@outpost.local');
  const grace = await memberCtx('grace.okafor@outpost.local');
  const engineers = [tomas, elena, yuki, grace];

  for (const [product, releases] of [
    [DEMO_PRODUCT, PLATFORM_RELEASES],
    [DEMO_CONNECTOR, CONNECTOR_RELEASES],
  ] as const) {
    for (const [version, daysAgo, supported, notes] of releases) {
      await createRelease(
        db,
        tomas,
        {
          product,
          version,
          releasedOn: at(daysAgo).toISOString().slice(0, 10),
          notes: `## ${product} ${version}\n\n${notes}\n`,
          supported,
        },
        at(daysAgo),
      );
    }
  }

  const accounts = await db.selectFrom('accounts').select(['id', 'name', 'segment']).orderBy('name').execute();
  // Older versions are likelier on smaller accounts; strategic accounts keep closer to current.
  const versions = PLATFORM_RELEASES.map(([v]) => v);
  for (const [index, account] of accounts.entries()) {
    if (index % 6 === 5) continue; // a few accounts have nothing registered yet
    const contacts = await listContacts(db, account.id);
    const oldest = account.segment === 'strategic' ? 4 : account.segment === 'enterprise' ? 2 : 0;
    const names = [
      'production',
      ...(account.segment === 'smb' ? [] : ['staging']),
      ...(account.segment === 'strategic' && rnd.chance(0.6) ? ['disaster-recovery'] : []),
    ];
    const hosting = account.segment === 'strategic' && rnd.chance(0.5) ? 'hybrid' : rnd.chance(0.25) ? 'on_premises' : 'cloud';
    const productionVersion = versions[rnd.int(oldest, versions.length - 1)]!;
    for (const name of names) {
      // Staging runs the same version as production or one ahead; DR mirrors production.
      const v =
        name === 'staging'
          ? versions[Math.min(versions.indexOf(productionVersion) + rnd.int(0, 1), versions.length - 1)]!
          : productionVersion;
      const created = at(rnd.int(420, 700));
      const env = await createEnvironment(
        db,
        rnd.pick(engineers),
        account.id,
        {
          name,
          product: DEMO_PRODUCT,
          version: v,
          hosting,
          region: rnd.pick(REGIONS[hosting]!),
          configuration: {
            sso: { provider: rnd.pick(['okta', 'azure_ad', 'google']), enforce: rnd.chance(0.6) },
            database: { engine: 'postgresql', version: rnd.pick([13, 14, 15]), pool: rnd.pick([20, 40, 60]) },
            retentionDays: rnd.pick([90, 180, 365]),
            features: { analytics: true, approvals: rnd.chance(0.4), dataResidency: rnd.pick(['us', 'eu', 'apac']) },
          },
          contactIds: contacts.slice(0, rnd.int(1, Math.min(2, contacts.length))).map((c) => c.id),
        },
        created,
      );
      if (name === 'production' && rnd.chance(0.35)) {
        const current = env.configuration as { database: { pool: number }; retentionDays: number; sso: Record<string, unknown> };
        await saveConfiguration(
          db,
          rnd.pick(engineers),
          env.id,
          {
            configuration: { ...current, database: { ...current.database, pool: current.database.pool + 20 } },
            note: 'Raised the connection pool after month-end load tests',
          },
          at(rnd.int(200, 400)),
        );
        if (rnd.chance(0.5)) {
          await saveConfiguration(
            db,
            rnd.pick(engineers),
            env.id,
            {
              configuration: {
                ...current,
                database: { ...current.database, pool: current.database.pool + 20 },
                retentionDays: 730,
                sso: { ...current.sso, enforce: true },
              },
              note: 'Two-year retention and enforced SSO for their audit',
            },
            at(rnd.int(30, 190)),
          );
        }
      }
      if (name === 'production' && (account.segment === 'strategic' || account.segment === 'enterprise') && rnd.chance(0.45)) {
        for (const c of rnd.sample(CUSTOMISATIONS, rnd.int(1, 2))) {
          const owner = rnd.pick([tomas, yuki, grace]);
          const slug = account.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
          await addCustomisation(
            db,
            owner,
            env.id,
            {
              title: c.title,
              reason: c.reason,
              ownerId: owner.memberId,
              repositoryUrl: `https://git.beacon.example/customers/${slug}/${c.repo}`,
            },
            at(rnd.int(100, 400)),
          );
        }
      }
    }
    if (hosting !== 'cloud' && contacts.length) {
      await createEnvironment(
        db,
        rnd.pick(engineers),
        account.id,
        {
          name: 'plant-floor',
          product: DEMO_CONNECTOR,
          version: rnd.pick(CONNECTOR_RELEASES.map(([v]) => v)),
          hosting: 'on_premises',
          region: rnd.pick(REGIONS.on_premises!),
          contactIds: [contacts[contacts.length - 1]!.id],
        },
        at(rnd.int(200, 500)),
      );
    }
  }

  // A campaign finished last year: every on-premises production environment below 4.5 moved to it.
  const spring = await createCampaign(
    db,
    tomas,
    {
      name: 'On-premises move to 4.5 (zero-downtime upgrades)',
      product: DEMO_PRODUCT,
      targetVersion: '4.5',
      ownerId: tomas.memberId,
      description: 'Bring self-hosted customers onto 4.5 before 4.2 reaches end of life.',
      filters: { hosting: ['on_premises', 'hybrid'], names: ['production'], belowTarget: true },
      windows: [
        { startsAt: at(300, 22).toISOString(), endsAt: at(300, 23).toISOString(), note: 'EU customers, Saturday night' },
        { startsAt: at(293, 22).toISOString(), endsAt: at(293, 23).toISOString(), note: 'US customers' },
      ],
    },
    at(320),
  );
  for (const [i, entry] of spring.entries.entries()) {
    const day = 300 - (i % 2) * 7;
    await changeUpgradeState(
      db,
      rnd.pick(engineers),
      spring.id,
      entry.environment.id,
      { state: 'in_progress', note: 'Backup verified, maintenance page up' },
      at(day, 22),
    );
    await changeUpgradeState(
      db,
      rnd.pick(engineers),
      spring.id,
      entry.environment.id,
      { state: 'done', note: 'Smoke tests passed; customer signed off' },
      at(day, 23),
    );
  }
  await updateCampaign(db, tomas, spring.id, { status: 'completed' }, at(290));

  // The campaign running now: production environments of larger accounts onto the latest release.
  const latest = versions[versions.length - 1]!;
  const current = await createCampaign(
    db,
    elena,
    {
      name: `Production to ${latest} (multi-region failover)`,
      product: DEMO_PRODUCT,
      targetVersion: latest,
      ownerId: elena.memberId,
      description: `Move enterprise and strategic production environments to ${latest}; PostgreSQL 12 is no longer supported.`,
      filters: { segments: ['strategic', 'enterprise'], names: ['production'], belowTarget: true },
      windows: [
        { startsAt: at(12, 22).toISOString(), endsAt: at(11, 2).toISOString(), note: 'Wave 1' },
        { startsAt: at(5, 22).toISOString(), endsAt: at(4, 2).toISOString(), note: 'Wave 2' },
        { startsAt: at(-2, 22).toISOString(), endsAt: at(-3, 2).toISOString(), note: 'Wave 3 (stragglers)' },
      ],
    },
    at(20),
  );
  const plan: UpgradeState[] = ['done', 'done', 'in_progress', 'failed', 'done', 'rolled_back', 'scheduled'];
  for (const [i, entry] of current.entries.entries()) {
    const target = plan[i % plan.length]!;
    if (target === 'scheduled') continue;
    const who = rnd.pick(engineers);
    const day = i < current.entries.length / 2 ? 11 : 4;
    await changeUpgradeState(
      db,
      who,
      current.id,
      entry.environment.id,
      { state: 'in_progress', note: 'Started in the maintenance window' },
      at(day + 1, 22),
    );
    if (target === 'in_progress') continue;
    if (target === 'rolled_back') {
      await changeUpgradeState(db, who, current.id, entry.environment.id, { state: 'done', note: 'Upgrade completed' }, at(day, 1));
      await changeUpgradeState(
        db,
        who,
        current.id,
        entry.environment.id,
        { state: 'rolled_back', note: 'Their reporting add-on broke on the new API; rolled back until the vendor ships a fix' },
        at(day - 1, 15),
      );
      continue;
    }
    await changeUpgradeState(
      db,
      who,
      current.id,
      entry.environment.id,
      {
        state: target,
        note:
          target === 'failed'
            ? 'Database migration stopped at step 14 of 31: their PostgreSQL is still on 12'
            : 'Smoke tests passed; customer signed off',
      },
      at(day, 1),
    );
  }
}
