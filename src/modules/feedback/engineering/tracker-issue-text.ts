/**
 * What a tracker issue says: the reproduction as GitHub markdown, or as Jira's Atlassian Document
 * Format (ADF). Pure functions, tested with plain values.
 */

export interface TrackerIssueText {
  title: string;
  severity: string;
  steps: string;
  expected: string;
  actual: string;
  environment: { name: string; product: string; account: string } | null;
  productVersion: string | null;
  /** The Outpost page of the issue, when the workbench's address is known. */
  link: string | null;
}

function sections(t: TrackerIssueText): [string, string][] {
  const env = t.environment
    ? `${t.environment.product} ${t.productVersion ?? ''} — ${t.environment.account} / ${t.environment.name}`.trim()
    : (t.productVersion ?? '');
  const all: [string, string][] = [
    ['Steps to reproduce', t.steps],
    ['Expected', t.expected],
    ['Actual', t.actual],
    ['Environment', env],
  ];
  return all.filter(([, text]) => text.trim() !== '');
}

export function githubMarkdown(t: TrackerIssueText): string {
  const parts = sections(t).map(([heading, text]) => `### ${heading}\n\n${text.trim()}`);
  parts.push(`Severity: **${t.severity}**${t.link ? ` · escalated from Outpost: ${t.link}` : ' · escalated from Outpost'}`);
  return parts.join('\n\n');
}

type AdfNode = { type: string; attrs?: Record<string, unknown>; content?: AdfNode[]; text?: string };

/** ADF: a doc of version 1 whose blocks are headings and paragraphs; a text node may not be empty. */
export function jiraDescription(t: TrackerIssueText): { type: 'doc'; version: 1; content: AdfNode[] } {
  const content: AdfNode[] = [];
  for (const [heading, text] of sections(t)) {
    content.push({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: heading }] });
    for (const para of text.trim().split(/\n{2,}/)) {
      content.push({ type: 'paragraph', content: [{ type: 'text', text: para }] });
    }
  }
  content.push({ type: 'paragraph', content: [{ type: 'text', text: `Severity: ${t.severity}. Escalated from Outpost.` }] });
  return { type: 'doc', version: 1, content };
}
