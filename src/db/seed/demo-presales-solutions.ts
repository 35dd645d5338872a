import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ChangeContext } from '../../kernel/actor.js';
import {
  acceptSow,
  createDesign,
  createRateCardRole,
  createRequirement,
  createSow,
  saveDesignVersion,
  sendSow,
} from '../../modules/presales/index.js';
import type { RequirementFit, RequirementPriority } from '../../modules/presales/contract/solutions.js';
import { findMemberRowByEmail } from '../../modules/team/index.js';

const DANIEL = 'daniel.kim@outpost.local'; // sales engineer
const SOFIA = 'sofia.rossi@outpost.local'; // solutions architect
const MAPLE = 'Maple Street Bank — Security analytics suite';
const PINECREST = 'Pinecrest University — Campus-wide deployment';

const RATE_CARD: [name: string, rate: number, description: string][] = [
  ['Solutions architect', 220, 'Architecture, integration design and workshops'],
  ['Implementation engineer', 165, 'Deployment, configuration, integrations and data migration'],
  ['Project manager', 140, 'Plan, status reporting and the customer’s steering meetings'],
  ['Trainer', 120, 'Administrator and analyst training sessions'],
];

type Spec = [reference: string, section: string, priority: RequirementPriority, fit: RequirementFit, text: string, notes: string | null];

/** Maple Street Bank's RFP requirements, as their SOC team wrote them; two are gaps. */
const MAPLE_REQUIREMENTS: Spec[] = [
  ['R-01', 'Identity and access', 'must', 'native', 'Single sign-on with the bank’s Azure AD over SAML 2.0.', null],
  [
    'R-02',
    'Identity and access',
    'should',
    'configuration',
    'Provision and deprovision analyst accounts through SCIM.',
    'SCIM connector, mapped to the four SOC groups.',
  ],
  [
    'R-03',
    'Identity and access',
    'must',
    'customisation',
    'Changes to detection rules need a second analyst’s approval (four-eyes principle).',
    'Approval workflow built as a policy extension, about 40 hours.',
  ],
  [
    'R-04',
    'Ingestion',
    'must',
    'native',
    'Ingest 40,000 events per second from Splunk forwarders and syslog without loss.',
    'Sized at 2 collector nodes per data centre.',
  ],
  ['R-05', 'Detection', 'should', 'native', 'Import correlation rules written in Sigma.', null],
  ['R-06', 'Detection', 'should', 'roadmap', 'Behaviour baselines (UEBA) per user and per host.', 'Planned for release 8.2 (Q3).'],
  [
    'R-07',
    'Data and retention',
    'must',
    'gap',
    'Keep audit logs searchable for seven years, as the regulator requires.',
    'Hot retention stops at 400 days; the cold archive is not searchable.',
  ],
  [
    'R-08',
    'Data and retention',
    'must',
    'gap',
    'Encryption keys held in the bank’s own HSM (bring your own key over PKCS#11).',
    'Only our cloud KMS today; no PKCS#11 interface.',
  ],
  [
    'R-09',
    'Integration',
    'should',
    'configuration',
    'Open a ServiceNow incident for every high-severity alert.',
    'ServiceNow connector with a field mapping.',
  ],
  ['R-10', 'Operations', 'could', 'native', 'A dashboard for the SOC shift lead: open alerts by severity and analyst.', null],
  ['R-11', 'Data and retention', 'must', 'native', 'All data stored and processed in the EU.', 'Frankfurt region.'],
  ['R-12', 'Operations', 'could', 'unassessed', 'Export a case’s evidence as a signed PDF for legal hold.', null],
];

const DESIGN_V1 = `# Security analytics suite — target architecture

## Context

Maple Street Bank replaces its SIEM for a 24×7 SOC of 30 analysts. Events come from Splunk forwarders and syslog in two data centres.

## Architecture

\`\`\`mermaid
graph LR
  subgraph Bank data centres
    SF[Splunk forwarders] --> C1[Collectors DC1]
    SL[Syslog] --> C2[Collectors DC2]
  end
  C1 --> P[Beacon Platform, EU region]
  C2 --> P
  P --> SN[ServiceNow incidents]
  AD[Azure AD] -- SAML --> P
\`\`\`

## How the requirements are met

- **R-01** SAML single sign-on with Azure AD, out of the box.
- **R-04** Two collector nodes per data centre carry 40,000 events per second with headroom.
- **R-05** Sigma rules import natively.
- **R-09** The ServiceNow connector opens incidents for high-severity alerts.
- **R-11** The tenant runs in the Frankfurt region.
`;

const DESIGN_V2 = `${DESIGN_V1}- **R-03** A policy extension adds four-eyes approval to rule changes.

## Open points

- Seven-year searchable retention (R-07) and bring-your-own-key (R-08) are gaps, raised with product.
`;

/**
 * The demo's requirements, design and statements of work (issue 16): the rate card; twelve
 * requirements on Maple Street Bank's deal with two gaps (which land in the feedback inbox with
 * the deal's ARR as pipeline); a solution design with a Mermaid diagram in two versions; a SOW
 * sent to Maple Street Bank; and an accepted SOW on Pinecrest University's won deal, which created
 * its implementation engagement. All through the presales services.
 */
export async function seedDemoPresalesSolutions(db: Kysely<Database>, now: Date): Promise<void> {
  const daniel = (await findMemberRowByEmail(db, DANIEL))?.id;
  const sofia = (await findMemberRowByEmail(db, SOFIA))?.id;
  if (!daniel || !sofia) return;
  const ctxOf = (memberId: string): ChangeContext => ({ actorType: 'member', actorId: memberId, memberId, ip: null });

  const roles = new Map<string, string>();
  for (const [name, hourlyRate, description] of RATE_CARD)
    roles.set(name, (await createRateCardRole(db, ctxOf(sofia), { name, hourlyRate, description, currency: 'USD' })).id);
  const role = (name: string) => roles.get(name)!;

  const deals = await db.selectFrom('opportunities').select(['id', 'name']).where('name', 'in', [MAPLE, PINECREST]).execute();
  const dealId = new Map(deals.map((d) => [d.name, d.id]));

  const maple = dealId.get(MAPLE);
  if (maple) {
    const ids = new Map<string, string>();
    for (const [reference, section, priority, fit, text, notes] of MAPLE_REQUIREMENTS) {
      const written = await createRequirement(db, ctxOf(daniel), maple, { reference, section, priority, fit, text, notes });
      ids.set(reference, written.requirement.id);
    }
    const linked = (...refs: string[]) => refs.map((r) => ids.get(r)!);
    const design = await createDesign(db, ctxOf(sofia), maple, {
      title: 'Target architecture',
      body: DESIGN_V1,
      note: 'First draft after the architecture workshop',
      requirementIds: linked('R-01', 'R-04', 'R-05', 'R-09', 'R-11'),
    });
    await saveDesignVersion(db, ctxOf(sofia), design.id, {
      body: DESIGN_V2,
      note: 'Four-eyes approval and the open gaps',
      baseVersion: 1,
      requirementIds: linked('R-01', 'R-03', 'R-04', 'R-05', 'R-09', 'R-11'),
    });
    const sow = await createSow(db, ctxOf(sofia), maple, {
      title: 'Security analytics suite — deployment and onboarding',
      summary:
        'Deploy the Beacon security analytics suite for the bank’s SOC, integrate it with Azure AD and ServiceNow, and train the analysts.',
      assumptions:
        '- The bank provides VPN access and two virtual machines per data centre for the collectors\n- Azure AD and ServiceNow administrators are available during the integration weeks\n- Work is done remotely, with two on-site workshops',
      outOfScope: '- Migrating historical events from the old SIEM\n- Seven-year searchable retention (R-07) and bring-your-own-key (R-08)',
      items: [
        { description: 'Architecture and integration design workshops', roleId: role('Solutions architect'), hours: 24 },
        { description: 'Collector deployment in both data centres', roleId: role('Implementation engineer'), hours: 80 },
        { description: 'SSO, SCIM and ServiceNow configuration', roleId: role('Implementation engineer'), hours: 40 },
        { description: 'Four-eyes approval policy extension', roleId: role('Implementation engineer'), hours: 40 },
        { description: 'Project management and steering meetings', roleId: role('Project manager'), hours: 32 },
        { description: 'SOC analyst training, two sessions', roleId: role('Trainer'), hours: 16 },
      ],
    });
    await sendSow(db, ctxOf(sofia), sow.id);
  }

  const pinecrest = dealId.get(PINECREST);
  if (pinecrest) {
    const sow = await createSow(db, ctxOf(daniel), pinecrest, {
      title: 'Campus-wide deployment — implementation',
      summary: 'Roll the platform out from the engineering faculty to every faculty and research group.',
      assumptions: '- The engineering faculty’s pilot configuration is the baseline\n- Central IT owns single sign-on',
      outOfScope: 'Research cluster integrations beyond the three named in the pilot.',
      items: [
        { description: 'Rollout design per faculty', roleId: role('Solutions architect'), hours: 16 },
        { description: 'Deployment and configuration for 11 faculties', roleId: role('Implementation engineer'), hours: 120 },
        { description: 'Project management', roleId: role('Project manager'), hours: 24 },
        { description: 'Administrator training per faculty', roleId: role('Trainer'), hours: 24 },
      ],
    });
    await sendSow(db, ctxOf(daniel), sow.id);
    const start = new Date(now.getTime() - 88 * 86_400_000).toISOString().slice(0, 10);
    await acceptSow(db, ctxOf(sofia), sow.id, {
      engagementKind: 'implementation',
      engagementName: 'Pinecrest University — campus-wide implementation',
      startDate: start,
    });
  }
}
