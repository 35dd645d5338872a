import fs from 'node:fs';
import path from 'node:path';
import { JsonLines, MODULES, PLANS, generation } from './export-generator-kit.js';
import { generateTickets } from './export-generator-tickets.js';

/** What a correct import of a generated export lands, and what it must report. */
export interface ExportManifest {
  organizations: number;
  users: number;
  groups: number;
  customFields: number;
  macros: number;
  tickets: number;
  ticketsExpected: number;
  commentsExpected: number;
  attachmentsExpected: number;
  ratingsExpected: number;
  /** Rows the importer must skip, by kind, each with a reason. */
  skipsExpected: Record<string, number>;
}

export interface GeneratorOptions {
  tickets: number;
  comments: 'separate' | 'inline' | 'events';
  seed?: number;
}

/**
 * Writes a Zendesk export of `tickets` tickets (about four comments each) to `folder`. Zendesk
 * ids are offset per kind, as in a real account, so they never collide across kinds by accident.
 */
export async function generateZendeskExport(folder: string, options: GeneratorOptions): Promise<ExportManifest> {
  const skips: Record<string, number> = {};
  const g = generation(folder, options.seed ?? 1, skips);
  const { pick, at, skipped, file } = g;
  fs.mkdirSync(file('attachments'), { recursive: true });

  // Organizations: one without a name (reported).
  const orgCount = Math.max(5, Math.ceil(options.tickets / 20));
  const orgs = new JsonLines(file('organizations.jsonl'));
  for (let i = 0; i < orgCount; i++)
    await orgs.write({
      url: `https://acme.zendesk.com/api/v2/organizations/${360000 + i}.json`,
      id: 360000 + i,
      name: i === orgCount - 1 ? '' : `Customer ${i} ${pick(['Corp', 'GmbH', 'Ltd', 'Inc'])}`,
      shared_tickets: false,
      shared_comments: false,
      external_id: null,
      created_at: at(i % 300),
      updated_at: at((i % 300) + 1),
      domain_names: [`customer${i}.example`],
      details: i % 3 === 0 ? `${i} Main Street` : '',
      notes: i % 4 === 0 ? 'Key account: escalate outages to the TAM.' : '',
      group_id: null,
      tags: i % 2 ? ['vip', 'region_emea'] : ['region_na'],
      organization_fields: {},
    });
  await orgs.end();
  skipped('organization');

  // Groups, agents and memberships: tiers come from the group names.
  const groups = [
    { id: 20001, name: 'Support' },
    { id: 20002, name: 'Tier 2 Escalations' },
    { id: 20003, name: 'Engineering' },
    { id: 20004, name: 'Billing' },
  ];
  const groupFile = path.join(folder, 'groups.json');
  fs.writeFileSync(
    groupFile,
    JSON.stringify(
      {
        groups: groups.map((g) => ({
          ...g,
          url: `https://acme.zendesk.com/api/v2/groups/${g.id}.json`,
          description: '',
          default: g.id === 20001,
          deleted: false,
          created_at: at(0),
          updated_at: at(0),
        })),
        next_page: null,
        previous_page: null,
        count: groups.length,
      },
      null,
      2,
    ),
  );
  const agentCount = 12 + Math.ceil(options.tickets / 1000);
  const agents = Array.from({ length: agentCount }, (_, i) => 10000 + i);
  const memberships = new JsonLines(file('group_memberships.jsonl'));
  for (const [i, id] of agents.entries())
    await memberships.write({
      id: 30000 + i,
      user_id: id,
      group_id: groups[i % groups.length]!.id,
      default: true,
      created_at: at(0),
      updated_at: at(0),
    });
  await memberships.end();

  // Users: agents and admins first, then end users; some without an organisation (matched by
  // domain or put on the no-organisation account), one with a phone only.
  const endUserCount = Math.max(10, Math.ceil(options.tickets / 4));
  const endUsers = Array.from({ length: endUserCount }, (_, i) => 500000 + i);
  const users = new JsonLines(file('users.jsonl'));
  for (const [i, id] of agents.entries())
    await users.write({
      id,
      url: `https://acme.zendesk.com/api/v2/users/${id}.json`,
      name: `Agent ${i}`,
      email: `agent${i}@acme-support.example`,
      role: i < 2 ? 'admin' : 'agent',
      organization_id: null,
      default_group_id: groups[i % groups.length]!.id,
      active: true,
      verified: true,
      time_zone: 'Amsterdam',
      iana_time_zone: 'Europe/Amsterdam',
      phone: null,
      created_at: at(0),
      updated_at: at(0),
      tags: [],
      user_fields: {},
    });
  for (const [i, id] of endUsers.entries()) {
    const org = i % 10 === 9 ? null : 360000 + (i % (orgCount - 1));
    const email =
      i === 5
        ? null
        : i % 10 === 9 && i % 20 === 9
          ? `person${i}@customer${i % (orgCount - 1)}.example`
          : `person${i}@${org ? `customer${org - 360000}.example` : 'gmail.example'}`;
    await users.write({
      id,
      url: `https://acme.zendesk.com/api/v2/users/${id}.json`,
      name: `Person ${i}`,
      email,
      role: 'end-user',
      organization_id: org,
      default_group_id: null,
      active: true,
      verified: true,
      time_zone: 'London',
      iana_time_zone: 'Europe/London',
      phone: i === 5 ? '+44 20 7946 0000' : null,
      created_at: at(i % 200),
      updated_at: at(i % 200),
      tags: [],
      user_fields: {},
    });
  }
  await users.end();

  // Ticket fields: Zendesk lists its system fields too (skipped, they are ticket columns) and a lookup field (unsupported).
  const system = ['subject', 'description', 'status', 'tickettype', 'priority', 'group', 'assignee'];
  const custom = [
    { id: 900001, type: 'text', title: 'Product version' },
    {
      id: 900002,
      type: 'tagger',
      title: 'Plan',
      custom_field_options: PLANS.map((p, i) => ({
        id: 800 + i,
        name: p[0]!.toUpperCase() + p.slice(1),
        raw_name: p,
        value: p,
        default: false,
      })),
    },
    {
      id: 900003,
      type: 'multiselect',
      title: 'Affected modules',
      custom_field_options: MODULES.map((m, i) => ({
        id: 810 + i,
        name: m.replace('module_', 'Module '),
        raw_name: m,
        value: m,
        default: false,
      })),
    },
    { id: 900004, type: 'checkbox', title: 'Production down' },
    { id: 900005, type: 'integer', title: 'Seats' },
    { id: 900006, type: 'date', title: 'Go-live date' },
    { id: 900007, type: 'decimal', title: 'Contract value' },
  ];
  const fields = [
    ...system.map((type, i) => ({ id: 100 + i, type, title: type[0]!.toUpperCase() + type.slice(1), active: true, removable: false })),
    ...custom.map((f, i) => ({ ...f, active: true, removable: true, position: 10 + i, description: '' })),
    { id: 900099, type: 'lookup', title: 'Related order', active: true, removable: true },
  ];
  fs.writeFileSync(file('ticket_fields.json'), JSON.stringify({ ticket_fields: fields, next_page: null, count: fields.length }, null, 2));
  skipped('ticket_field', system.length + 1);

  // Macros: one inactive (skipped), one with an action Outpost macros lack (left out and reported).
  const macros = [
    {
      id: 70001,
      title: 'Close and thank',
      active: true,
      actions: [
        { field: 'status', value: 'solved' },
        { field: 'comment_value', value: 'Thanks for reaching out, {{ticket.requester.first_name}}!' },
      ],
    },
    {
      id: 70002,
      title: 'Escalate to Tier 2',
      active: true,
      actions: [
        { field: 'group_id', value: '20002' },
        { field: 'priority', value: 'high' },
        { field: 'comment_mode_is_public', value: 'false' },
        { field: 'comment_value', value: 'Escalating: see the logs attached.' },
      ],
    },
    {
      id: 70003,
      title: 'Take it',
      active: true,
      actions: [
        { field: 'assignee_id', value: 'current_user' },
        { field: 'set_tags', value: 'taken triaged' },
      ],
    },
    { id: 70004, title: 'Old macro', active: false, actions: [{ field: 'status', value: 'open' }] },
    {
      id: 70005,
      title: 'Mark as incident',
      active: true,
      actions: [
        { field: 'type', value: 'incident' },
        { field: 'status', value: 'open' },
      ],
    },
  ];
  fs.writeFileSync(file('macros.json'), JSON.stringify({ macros, next_page: null, count: macros.length }, null, 2));
  skipped('macro');
  skipped('macro_action');

  const tally = await generateTickets(g, options, { agents, endUsers, groups });
  const manifest: ExportManifest = {
    organizations: orgCount,
    users: agents.length + endUsers.length,
    groups: groups.length,
    customFields: custom.length,
    macros: macros.length,
    tickets: options.tickets,
    ...tally,
    skipsExpected: skips,
  };
  fs.writeFileSync(file('manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}
