import type { ImportReport } from './import-zendesk.js';

const LABELS: Record<string, string> = {
  organization: 'organizations → accounts',
  group: 'groups',
  user: 'users → members and contacts',
  ticket_field: 'ticket fields',
  macro: 'macros',
  ticket: 'tickets',
  comment: 'comments',
  attachment: 'attachments',
  satisfaction_rating: 'satisfaction ratings',
};

/** The command's closing report: counts per kind, then every reason rows were skipped for (the rows are in import_skips). */
export function formatImportReport(report: ImportReport, notes: string[] = []): string {
  const lines = [`Import run ${report.runId}${report.resumed ? ' (resumed)' : ''} finished in ${report.seconds.toFixed(1)} s.`, ''];
  lines.push('  kind                              imported  unchanged  skipped');
  for (const [kind, label] of Object.entries(LABELS)) {
    const c = report.counts[kind];
    if (!c) continue;
    lines.push(
      `  ${label.padEnd(32)} ${String(c.imported).padStart(9)} ${String(c.unchanged).padStart(10)} ${String(c.skipped).padStart(8)}`,
    );
  }
  const byDomain = report.counts.user_matched_by_domain?.imported ?? 0;
  const homeless = report.counts.user_without_organization?.imported ?? 0;
  if (byDomain) lines.push('', `  ${byDomain} end users had no organization and joined the account owning their e-mail domain.`);
  if (homeless)
    lines.push(`  ${homeless} end users had no organization and no known domain: they are on the account "Imported — no organization".`);
  const renumbered = report.counts.renumbered?.imported ?? 0;
  if (renumbered)
    lines.push(`  ${renumbered} records could not keep their Zendesk id as their /api/v2 number (it was taken) and got new ones.`);
  if (report.ticketsPerSecond) lines.push(`  ${report.ticketsPerSecond} tickets per second.`);
  if (report.skipCount) {
    lines.push('', `Skipped or left out: ${report.skipCount} (all listed on /admin/imports and in import_skips):`);
    for (const s of report.skips) lines.push(`  ${s.kind} ${s.externalId ?? '-'}: ${s.reason}`);
    if (report.skipCount > report.skips.length) lines.push(`  … and ${report.skipCount - report.skips.length} more`);
  } else lines.push('', 'Nothing was skipped.');
  for (const note of notes) lines.push(`Note: ${note}`);
  return lines.join('\n');
}
