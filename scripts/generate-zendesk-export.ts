/**
 * A realistic Zendesk export for the importer's tests and measurements (issue 18), shaped after the
 * Support API reference's objects: organizations, users (end users, agents, admins), groups and
 * memberships, ticket fields (system fields and custom ones, a drop-down among them), macros,
 * tickets from the incremental export (comments apart in ticket_comments.jsonl, inline, or as
 * ticket events), satisfaction ratings and an attachments/ folder. It also writes the odd rows a
 * real export has, which the importer must report: deleted tickets, a requester missing from the
 * users, a broken line, an unanswered survey, a lookup field, an attachment whose file is absent.
 * manifest.json says what a correct import lands.
 *
 * Usage: npx tsx scripts/generate-zendesk-export.ts --tickets 10000 --out /tmp/zd [--comments separate|inline|events] [--seed 1]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateZendeskExport } from '../src/modules/zendesk/import/export-generator.js';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000' },
    out: { type: 'string' },
    comments: { type: 'string', default: 'separate' },
    seed: { type: 'string', default: '1' },
  },
});
if (!values.out) {
  console.error('Usage: generate-zendesk-export.ts --tickets N --out DIR [--comments separate|inline|events]');
  process.exit(2);
}
const mode = values.comments as 'separate' | 'inline' | 'events';
if (!['separate', 'inline', 'events'].includes(mode)) throw new Error('--comments takes separate, inline or events');
fs.mkdirSync(path.resolve(values.out), { recursive: true });
const started = Date.now();
const manifest = await generateZendeskExport(path.resolve(values.out), {
  tickets: Number(values.tickets),
  comments: mode,
  seed: Number(values.seed),
});
console.log(`Wrote ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(manifest)}`);
