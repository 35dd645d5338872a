import { markdownToHtml } from './markdown-html.js';
import { OVERALL_LABELS } from './status-report-draft.js';
import { REPORT_SECTIONS, type OverallStatus, type ReportSection } from './tables.js';

const SECTION_TITLES: Record<ReportSection, string> = {
  summary: 'Summary',
  done: 'Done',
  next: 'Next',
  risks: 'Risks',
  decisions: 'Decisions needed',
  budget: 'Budget',
  milestones: 'Milestones',
};

export interface ReportMailInput {
  title: string;
  engagementName: string;
  periodStart: string;
  periodEnd: string;
  overallStatus: OverallStatus;
  sections: Record<ReportSection, string>;
  recipientName: string;
  senderName: string | null;
}

/**
 * The mail a status report goes out as: the sections' Markdown as plain text (Markdown reads well
 * as text), and the same rendered as simple HTML.
 */
export function composeReportMail(input: ReportMailInput): { subject: string; text: string; html: string } {
  const body = REPORT_SECTIONS.filter((s) => input.sections[s].trim())
    .map((s) => `## ${SECTION_TITLES[s]}\n\n${input.sections[s].trim()}`)
    .join('\n\n');
  const intro = `Hello ${input.recipientName},\n\nhere is the status of ${input.engagementName} for ${input.periodStart} to ${input.periodEnd}.\n\nOverall: **${OVERALL_LABELS[input.overallStatus]}**`;
  const signature = input.senderName ? `Best regards,\n${input.senderName}` : '';
  const markdown = [intro, body, signature].filter(Boolean).join('\n\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5; max-width: 42em">',
    markdownToHtml(`# ${input.title}`),
    markdownToHtml(markdown),
    '</body></html>',
  ].join('\n');
  return { subject: `Status report: ${input.title}`, text: markdown, html };
}
