/**
 * The first draft of a review's Markdown sections, in words, from its figures. The account team
 * edits them before sending; the figures themselves are never edited.
 */
import { REVIEW_SECTION_KEYS, REVIEW_SECTION_TITLES, type ReviewData, type ReviewSection } from '../contract/reviews.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(d: ReviewData, period: string): string {
  const lines = [`This review covers ${d.account.name} from ${period}.`, ''];
  if (d.health.score !== null)
    lines.push(
      `- Health is **${d.health.grade ?? 'ungraded'}** at ${d.health.score}/100` +
        (d.health.changeThirtyDays !== null
          ? ` (${d.health.changeThirtyDays >= 0 ? '+' : ''}${d.health.changeThirtyDays} in 30 days).`
          : '.'),
    );
  lines.push(
    `- Support: ${plural(d.tickets.total, 'ticket')} opened, ${d.tickets.solved} solved` +
      (d.sla.attainment !== null ? `, ${d.sla.attainment}% within SLA.` : '.'),
  );
  if (d.adoption.featureAdoption !== null || d.adoption.seatUtilisation !== null)
    lines.push(
      `- Adoption: ${d.adoption.featureAdoption ?? '—'}% of licensed features in use, ${d.adoption.activeUsers} active users` +
        (d.adoption.seatUtilisation !== null ? ` (${d.adoption.seatUtilisation}% of seats).` : '.'),
    );
  if (d.renewal?.renewalDate) lines.push(`- Renewal on ${d.renewal.renewalDate}.`);
  return lines.join('\n');
}

function wins(d: ReviewData): string {
  const lines: string[] = [];
  for (const e of d.engagements.filter((e) => e.actualGoLiveDate))
    lines.push(`- ${e.name} went live on ${e.actualGoLiveDate}${e.daysToValue !== null ? ` (${e.daysToValue} days from start)` : ''}.`);
  for (const r of d.feedbackShipped) lines.push(`- Shipped at your request: ${r.title} (${r.shippedAt.slice(0, 10)}).`);
  if (d.sla.attainment !== null && d.sla.attainment >= 90) lines.push(`- ${d.sla.attainment}% of tickets answered within SLA.`);
  return lines.length ? lines.join('\n') : '- Add the wins of this period.';
}

function risks(d: ReviewData): string {
  const lines: string[] = [];
  if (d.health.grade === 'red' || d.health.grade === 'yellow')
    lines.push(`- Health is ${d.health.grade}: let us agree on the causes together.`);
  // A ticket opened yesterday is not a risk yet; one open for a week or more is worth a word.
  for (const t of d.tickets.longestOpen.filter((t) => t.daysOpen >= 7).slice(0, 3))
    lines.push(`- Ticket #${t.number} "${t.subject}" open for ${plural(t.daysOpen, 'day')}.`);
  for (const e of d.environments.filter((e) => e.behind > 0))
    lines.push(`- ${e.name} runs ${e.version}, ${plural(e.behind, 'release')} behind: plan the upgrade.`);
  for (const reason of d.renewal?.reasons ?? []) lines.push(`- ${reason}`);
  return lines.length ? lines.join('\n') : '- No open risks: add any asks here.';
}

function nextSteps(d: ReviewData): string {
  const lines: string[] = [];
  for (const e of d.engagements.filter((e) => !e.actualGoLiveDate && (e.status === 'active' || e.status === 'at_risk')))
    lines.push(`- Complete ${e.name}${e.targetGoLiveDate ? ` by ${e.targetGoLiveDate}` : ''} (${e.percentDone ?? 0}% done).`);
  for (const p of d.plans ?? [])
    for (const o of p.objectives.filter((o) => o.status !== 'done' && o.status !== 'achieved').slice(0, 3))
      lines.push(`- ${o.title}${o.dueOn ? ` (due ${o.dueOn})` : ''}.`);
  return lines.length ? lines.join('\n') : '- Agree on the next steps.';
}

export function draftSections(d: ReviewData, periodStart: string, periodEnd: string): ReviewSection[] {
  const text: Record<(typeof REVIEW_SECTION_KEYS)[number], string> = {
    summary: summary(d, `${periodStart} to ${periodEnd}`),
    wins: wins(d),
    risks: risks(d),
    next_steps: nextSteps(d),
  };
  return REVIEW_SECTION_KEYS.map((key) => ({ key, title: REVIEW_SECTION_TITLES[key], markdown: text[key] }));
}
