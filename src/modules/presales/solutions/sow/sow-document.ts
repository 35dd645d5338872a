import type { StatementOfWork } from '../../contract/solutions.js';

/** What an exported SOW names beside its own fields: the customer and the deal. */
export interface SowDocument {
  sow: StatementOfWork;
  accountName: string;
  dealName: string;
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

export const formatHours = (hours: number): string => `${Number.isInteger(hours) ? hours : hours.toFixed(2).replace(/0$/, '')} h`;

/** The line under the title: where the SOW stands, with its dates. */
export function statusLine(sow: StatementOfWork): string {
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
  switch (sow.status) {
    case 'draft':
      return 'Draft, not yet sent';
    case 'sent':
      return `Sent on ${day(sow.sentAt)}`;
    case 'accepted':
      return `Sent on ${day(sow.sentAt)}, accepted on ${day(sow.decidedAt)}`;
    case 'declined':
      return `Sent on ${day(sow.sentAt)}, declined on ${day(sow.decidedAt)}`;
  }
}

/** A file name for the export: the title in plain characters. */
export function sowFileName(sow: StatementOfWork, extension: 'pdf' | 'md'): string {
  const base = sow.title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${base || 'statement-of-work'}.${extension}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The SOW as Markdown, for pasting into a proposal or a wiki: the same sections as the PDF. */
export function sowMarkdown({ sow, accountName, dealName }: SowDocument): string {
  const money = (n: number) => formatMoney(n, sow.currency);
  const lines = [
    `# ${sow.title}`,
    '',
    `**Customer:** ${accountName}  `,
    `**Opportunity:** ${dealName}  `,
    `**Status:** ${statusLine(sow)}`,
    '',
  ];
  if (sow.summary) lines.push('## Summary', '', sow.summary, '');
  lines.push('## Scope', '', '| # | Description | Role | Hours | Rate | Amount |', '| ---: | --- | --- | ---: | ---: | ---: |');
  sow.items.forEach((item, i) =>
    lines.push(
      `| ${i + 1} | ${cell(item.description)} | ${cell(item.roleName)} | ${formatHours(item.hours)} | ${money(item.hourlyRate)}/h | ${money(item.amount)} |`,
    ),
  );
  lines.push(`| | **Total** | | **${formatHours(sow.totalHours)}** | | **${money(sow.totalAmount)}** |`, '');
  lines.push('## Assumptions', '', sow.assumptions || 'None stated.', '');
  lines.push('## Out of scope', '', sow.outOfScope || 'None stated.', '');
  return lines.join('\n');
}
