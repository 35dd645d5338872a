/**
 * Which runbooks fit a ticket: a pure score over the runbook's tags and keywords against the
 * ticket's tags, subject and first message. No I/O, so it is tested with plain values.
 */

export interface RunbookMatchers {
  tags: readonly string[];
  keywords: readonly string[];
}

export interface TicketText {
  tags: readonly string[];
  subject: string;
  firstMessage: string;
}

export interface RunbookScore {
  score: number;
  matchedTags: string[];
  matchedKeywords: string[];
}

/**
 * A shared tag is a triager's deliberate label, so it outweighs a word in the text; a keyword in
 * the subject says more about the case than one somewhere in a long first message.
 */
export const SUGGESTION_WEIGHTS = { tag: 3, subjectKeyword: 2, messageKeyword: 1 } as const;

/** Lower-case words separated by single spaces, padded so a phrase matches only on word boundaries. */
function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

function contains(haystack: string, keyword: string): boolean {
  const needle = words(keyword);
  return needle.trim().length > 0 && haystack.includes(needle);
}

/**
 * Scores one runbook against a ticket. Keywords match whole words or phrases, case- and
 * punctuation-insensitively ("sso login" matches "SSO-login failed").
 *
 * @example scoreRunbook({ tags: ['sso'], keywords: ['saml'] }, { tags: ['sso'], subject: 'SAML error', firstMessage: '' })
 *   // → { score: 5, matchedTags: ['sso'], matchedKeywords: ['saml'] }
 */
export function scoreRunbook(runbook: RunbookMatchers, ticket: TicketText): RunbookScore {
  const ticketTags = new Set(ticket.tags.map((t) => t.toLowerCase()));
  const matchedTags = [...new Set(runbook.tags.map((t) => t.toLowerCase()))].filter((t) => ticketTags.has(t));
  const subject = words(ticket.subject);
  const message = words(ticket.firstMessage);
  const matchedKeywords: string[] = [];
  let score = matchedTags.length * SUGGESTION_WEIGHTS.tag;
  for (const keyword of new Set(runbook.keywords.map((k) => k.toLowerCase().trim()))) {
    if (contains(subject, keyword)) score += SUGGESTION_WEIGHTS.subjectKeyword;
    else if (contains(message, keyword)) score += SUGGESTION_WEIGHTS.messageKeyword;
    else continue;
    matchedKeywords.push(keyword);
  }
  return { score, matchedTags, matchedKeywords };
}

/** The runbooks that match at all, best first (ties by title), at most `limit`. */
export function rankRunbooks<T extends RunbookMatchers & { title: string }>(
  runbooks: readonly T[],
  ticket: TicketText,
  limit = 5,
): (RunbookScore & { runbook: T })[] {
  return runbooks
    .map((runbook) => ({ runbook, ...scoreRunbook(runbook, ticket) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.runbook.title.localeCompare(b.runbook.title))
    .slice(0, limit);
}
