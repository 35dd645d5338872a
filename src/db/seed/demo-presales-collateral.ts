import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import type { Database } from '../schema.js';
import type { ChangeContext } from '../../kernel/actor.js';
import { listContacts } from '../../modules/accounts/index.js';
import { createCollateral, sendCollateral, updateCollateral, uploadCollateralVersion } from '../../modules/presales/index.js';
import type { CollateralKind } from '../../modules/presales/contract/collateral.js';
import { findMemberRowByEmail } from '../../modules/team/index.js';

const DANIEL = 'daniel.kim@outpost.local'; // sales engineer
const SOFIA = 'sofia.rossi@outpost.local'; // solutions architect

const KESTREL_DEAL = 'Kestrel Aerospace — Maintenance analytics';
const MAPLE_DEAL = 'Maple Street Bank — Security analytics suite';
const HELIOS_DEAL = 'Helios Energy — Grid monitoring expansion';

/** The seed's files are small; this is only a ceiling for the service's check. */
const SEED_MAX_BYTES = 5 * 1024 * 1024;

interface Section {
  heading: string;
  paragraphs?: string[];
  bullets?: string[];
}

interface ItemSpec {
  key: string;
  title: string;
  kind: CollateralKind;
  productArea: string;
  tags: string[];
  industries?: string[];
  segments?: ('strategic' | 'enterprise' | 'mid_market' | 'smb')[];
  description: string;
  owner: 'daniel' | 'sofia';
  createdDaysAgo: number;
  filename: string;
  sections: Section[];
  /** A Markdown file instead of a PDF. */
  markdown?: string;
  /** A later version: when, its note, and what changed in the document. */
  revision?: { daysAgo: number; note: string; filename: string; sections: Section[] };
  archivedDaysAgo?: number;
}

const ITEMS: ItemSpec[] = [
  {
    key: 'kestrel-case',
    title: 'Kestrel maintenance analytics case study',
    kind: 'case_study',
    productArea: 'Beacon Analytics',
    tags: ['aviation', 'predictive maintenance', 'telemetry'],
    industries: ['Aerospace', 'Transportation'],
    segments: ['strategic', 'enterprise'],
    description:
      'How a regional airline cut unplanned engine removals with fleet-wide telemetry analytics: the setup, the rollout and the figures.',
    owner: 'daniel',
    createdDaysAgo: 90,
    filename: 'Kestrel maintenance analytics case study.pdf',
    sections: [
      {
        heading: 'The challenge',
        paragraphs: [
          'The maintenance team read engine health reports by hand, weeks after each flight. Unplanned removals grounded two aircraft a month.',
        ],
      },
      {
        heading: 'What was deployed',
        bullets: ['Beacon Analytics on the fleet’s engine telemetry', 'Edge Connector at two hangars', 'Alerting into the MRO system'],
      },
      { heading: 'Results after six months', bullets: ['31 % fewer unplanned engine removals', 'Alerts 9 days before failure on average'] },
    ],
    revision: {
      daysAgo: 28,
      note: 'Twelve-month figures and a quote from the VP of Maintenance',
      filename: 'Kestrel maintenance analytics case study v2.pdf',
      sections: [
        {
          heading: 'Results after twelve months',
          bullets: ['38 % fewer unplanned engine removals', 'Alerts 11 days before failure on average', '1.4 M USD saved in AOG costs'],
        },
        { heading: 'In their words', paragraphs: ['“We now plan removals instead of reacting to them.” — VP of Maintenance'] },
      ],
    },
  },
  {
    key: 'security-whitepaper',
    title: 'Security & compliance whitepaper',
    kind: 'whitepaper',
    productArea: 'Beacon Platform',
    tags: ['security', 'SOC 2', 'ISO 27001', 'GDPR'],
    industries: ['Financial services', 'Healthcare'],
    segments: ['strategic', 'enterprise'],
    description:
      'Architecture, encryption, access control, audit and the certifications behind them — the document security reviewers ask for first.',
    owner: 'sofia',
    createdDaysAgo: 120,
    filename: 'Security and compliance whitepaper.pdf',
    sections: [
      { heading: 'Data protection', bullets: ['AES-256 at rest, TLS 1.2+ in transit', 'Customer-managed keys on request'] },
      { heading: 'Access control', bullets: ['SSO with SAML 2.0 and OIDC', 'Role-based permissions, every change audited'] },
      { heading: 'Certifications', bullets: ['SOC 2 Type II (annual)', 'ISO/IEC 27001:2022', 'GDPR data processing addendum'] },
    ],
  },
  {
    key: 'grid-guide',
    title: 'Grid monitoring solution guide',
    kind: 'solution_guide',
    productArea: 'Edge Connector',
    tags: ['energy', 'grid', 'substations', 'OT security'],
    industries: ['Utilities', 'Energy'],
    segments: ['enterprise', 'mid_market'],
    description:
      'Reference design for monitoring substations and transmission assets with Edge Connector: topology, sizing and rollout phases.',
    owner: 'sofia',
    createdDaysAgo: 75,
    filename: 'Grid monitoring solution guide.pdf',
    sections: [
      { heading: 'Topology', paragraphs: ['One Edge Connector per substation, buffering 72 hours of readings when the uplink is down.'] },
      { heading: 'Sizing', bullets: ['Up to 20,000 tags per connector', 'One platform node per 150 substations'] },
      { heading: 'Rollout', bullets: ['Pilot: two substations, four weeks', 'Region by region after sign-off'] },
    ],
  },
  {
    key: 'platform-datasheet',
    title: 'Beacon Platform datasheet',
    kind: 'datasheet',
    productArea: 'Beacon Platform',
    tags: ['overview', 'architecture'],
    description: 'Two pages: what the platform does, how it is deployed (cloud or self-hosted) and its limits.',
    owner: 'daniel',
    createdDaysAgo: 150,
    filename: 'Beacon Platform datasheet.pdf',
    sections: [
      { heading: 'Deployment', bullets: ['Cloud (EU and US regions) or self-hosted', 'High availability across three zones'] },
      { heading: 'Limits', bullets: ['10 M events per second per cluster', '13 months of hot retention'] },
    ],
  },
  {
    key: 'bank-architecture',
    title: 'Security analytics for banks — reference architecture',
    kind: 'solution_guide',
    productArea: 'Beacon Security Analytics',
    tags: ['SIEM', 'banking', 'reference architecture'],
    industries: ['Financial services'],
    segments: ['strategic', 'enterprise'],
    description:
      'How a bank’s SOC replaces legacy SIEM dashboards: data sources, detections, retention for regulators and the migration plan.',
    owner: 'sofia',
    createdDaysAgo: 60,
    filename: 'Security analytics for banks - reference architecture.pdf',
    sections: [
      { heading: 'Data sources', bullets: ['Core banking audit logs', 'Card fraud signals', 'Endpoint and network telemetry'] },
      { heading: 'Retention', paragraphs: ['Seven years of audit evidence in cold storage, searchable within minutes.'] },
    ],
  },
  {
    key: 'exec-overview',
    title: 'Beacon executive overview',
    kind: 'presentation',
    productArea: 'Beacon Platform',
    tags: ['executive', 'overview', 'value'],
    description: 'The ten-slide story for executive sponsors, exported to PDF: problem, outcomes, customers like them, next steps.',
    owner: 'daniel',
    createdDaysAgo: 100,
    filename: 'Beacon executive overview.pdf',
    sections: [
      { heading: 'Why now', paragraphs: ['Operations data doubles every two years; the teams reading it do not.'] },
      { heading: 'Outcomes our customers report', bullets: ['Fewer outages', 'Faster audits', 'One view across sites'] },
    ],
  },
  {
    key: 'edge-checklist',
    title: 'Edge Connector installation checklist',
    kind: 'other',
    productArea: 'Edge Connector',
    tags: ['installation', 'checklist'],
    industries: ['Utilities', 'Manufacturing'],
    description: 'What the customer’s site team prepares before the install day: network, power, accounts and access.',
    owner: 'daniel',
    createdDaysAgo: 45,
    filename: 'edge-connector-installation-checklist.md',
    sections: [],
    markdown: [
      '# Edge Connector installation checklist',
      '',
      '## Network',
      '- Outbound HTTPS (443) to the platform endpoint',
      '- A fixed IP address or DHCP reservation',
      '',
      '## Site',
      '- 1U rack space, two power feeds',
      '- A site contact on the install day',
      '',
      '## Accounts',
      '- A read-only account on the historian',
      '',
    ].join('\n'),
  },
  {
    key: 'old-overview',
    title: 'Beacon 2024 product overview',
    kind: 'presentation',
    productArea: 'Beacon Platform',
    tags: ['overview'],
    description: 'Last year’s overview deck, kept for the record; the executive overview replaced it.',
    owner: 'daniel',
    createdDaysAgo: 400,
    filename: 'Beacon 2024 product overview.pdf',
    sections: [{ heading: '2024 highlights', bullets: ['Edge Connector 2.0', 'EU region'] }],
    archivedDaysAgo: 95,
  },
];

/** A small real PDF: a title block, the sections, and a footer; standard fonts so its text stays extractable. */
function renderPdf(spec: { title: string; subtitle: string; sections: Section[]; createdAt: Date }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: spec.title, Author: 'Beacon pre-sales', CreationDate: spec.createdAt, ModDate: spec.createdAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.rect(0, 0, doc.page.width, 8).fill('#1c7ed6');
    doc.fillColor('#1a1b1e').font('Helvetica-Bold').fontSize(22).text(spec.title, { paragraphGap: 6 });
    doc.font('Helvetica').fontSize(11).fillColor('#868e96').text(spec.subtitle, { paragraphGap: 18 });
    for (const section of spec.sections) {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(14).fillColor('#1a1b1e').text(section.heading, { paragraphGap: 6 });
      doc.font('Helvetica').fontSize(11);
      for (const paragraph of section.paragraphs ?? []) doc.text(paragraph, { paragraphGap: 6 });
      if (section.bullets?.length) doc.list(section.bullets, { bulletRadius: 2, paragraphGap: 3 });
    }
    doc
      .fontSize(8)
      .fillColor('#868e96')
      .text('Beacon · Outpost demo workspace · fictional figures', 56, doc.page.height - 48, { lineBreak: false });
    doc.end();
  });
}

/**
 * The demo workspace's collateral (issue 16): eight items — one with two versions, one archived,
 * a Markdown checklist among the PDFs — and the sends on the Kestrel, Maple Street and Helios deals
 * (found by name; the opportunities seed runs first), each logged on the account's timeline.
 */
export async function seedDemoPresalesCollateral(db: Kysely<Database>, now: Date): Promise<void> {
  const daniel = (await findMemberRowByEmail(db, DANIEL))?.id;
  const sofia = (await findMemberRowByEmail(db, SOFIA))?.id;
  if (!daniel || !sofia) return;
  const ctxOf = (memberId: string): ChangeContext => ({ actorType: 'member', actorId: memberId, memberId, ip: null });
  const ago = (days: number, hour = 10) => {
    const d = new Date(now.getTime() - days * 86_400_000);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };

  const versions = new Map<string, { itemId: string; versionIds: string[] }>();
  for (const spec of ITEMS) {
    const owner = spec.owner === 'daniel' ? daniel : sofia;
    const ctx = ctxOf(owner);
    const createdAt = ago(spec.createdDaysAgo);
    const subtitle = `${spec.productArea} · ${spec.kind.replace('_', ' ')}`;
    const content = spec.markdown
      ? Buffer.from(spec.markdown)
      : await renderPdf({ title: spec.title, subtitle, sections: spec.sections, createdAt });
    const item = await createCollateral(
      db,
      ctx,
      {
        title: spec.title,
        kind: spec.kind,
        productArea: spec.productArea,
        tags: spec.tags,
        description: spec.description,
        ownerId: owner,
        industries: spec.industries ?? [],
        segments: spec.segments ?? [],
        note: 'First release',
      },
      { filename: spec.filename, content },
      SEED_MAX_BYTES,
      createdAt,
    );
    versions.set(spec.key, { itemId: item.id, versionIds: [item.versions[0]!.id] });
  }

  const deals = await db
    .selectFrom('opportunities')
    .select(['id', 'name', 'account_id'])
    .where('name', 'in', [KESTREL_DEAL, MAPLE_DEAL, HELIOS_DEAL])
    .execute();
  const deal = new Map(deals.map((d) => [d.name, d]));
  const contactsOf = async (name: string) => {
    const d = deal.get(name);
    return d ? (await listContacts(db, d.account_id)).map((c) => c.id) : [];
  };
  const contacts = new Map([
    [KESTREL_DEAL, await contactsOf(KESTREL_DEAL)],
    [MAPLE_DEAL, await contactsOf(MAPLE_DEAL)],
    [HELIOS_DEAL, await contactsOf(HELIOS_DEAL)],
  ]);

  /** Records a send of an item's n-th version (1-based) on a deal, when it exists. */
  const sendOn = async (
    dealName: string,
    key: string,
    versionNo: number,
    daysAgo: number,
    by: string,
    contactCount: number,
    note: string,
  ) => {
    const d = deal.get(dealName);
    const v = versions.get(key)?.versionIds[versionNo - 1];
    if (!d || !v) return;
    await sendCollateral(
      db,
      ctxOf(by),
      d.id,
      { versionId: v, contactIds: (contacts.get(dealName) ?? []).slice(0, contactCount), note },
      ago(daysAgo, 14),
    );
  };

  // In time order: what was sent before the case study's second version went out as version 1.
  await sendOn(KESTREL_DEAL, 'platform-datasheet', 1, 72, daniel, 1, 'Background before the discovery call');
  await sendOn(MAPLE_DEAL, 'security-whitepaper', 1, 66, sofia, 2, 'For the CISO’s team ahead of the security review');
  await sendOn(KESTREL_DEAL, 'kestrel-case', 1, 55, daniel, 2, 'Peer reference from another operator');
  await sendOn(MAPLE_DEAL, 'exec-overview', 1, 50, daniel, 1, 'For the sponsor’s steering committee');
  await sendOn(KESTREL_DEAL, 'security-whitepaper', 1, 38, sofia, 1, 'Their IT security team asked for it before the PoC');

  const kestrelCase = ITEMS.find((i) => i.key === 'kestrel-case')!;
  const revision = kestrelCase.revision!;
  const revised = await uploadCollateralVersion(
    db,
    ctxOf(daniel),
    versions.get('kestrel-case')!.itemId,
    {
      filename: revision.filename,
      content: await renderPdf({
        title: kestrelCase.title,
        subtitle: `${kestrelCase.productArea} · case study · updated`,
        sections: [...kestrelCase.sections.slice(0, 2), ...revision.sections],
        createdAt: ago(revision.daysAgo),
      }),
    },
    revision.note,
    SEED_MAX_BYTES,
    ago(revision.daysAgo),
  );
  versions.get('kestrel-case')!.versionIds.push(revised.id);

  await sendOn(MAPLE_DEAL, 'bank-architecture', 1, 21, sofia, 2, 'Reference architecture for the proposal');
  await sendOn(KESTREL_DEAL, 'kestrel-case', 2, 18, daniel, 2, 'Updated figures for the business case');
  await sendOn(MAPLE_DEAL, 'kestrel-case', 2, 12, daniel, 1, 'Cross-industry proof of the analytics outcomes');
  await sendOn(HELIOS_DEAL, 'grid-guide', 1, 9, sofia, 1, 'Design options for the grid-wide rollout');
  await sendOn(HELIOS_DEAL, 'edge-checklist', 1, 6, daniel, 1, 'So the site team can prepare the pilot substations');

  const old = ITEMS.find((i) => i.archivedDaysAgo !== undefined)!;
  await updateCollateral(db, ctxOf(daniel), versions.get(old.key)!.itemId, { status: 'archived' }, ago(old.archivedDaysAgo!));
}
