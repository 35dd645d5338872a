import type { TicketMessage } from '../contract/tickets.js';

/**
 * The Markdown an article written from a ticket starts with: the problem as the customer put it
 * (the first message), the resolution (the last public reply from the team), and the internal
 * notes in a collapsed section — they often hold the real diagnosis, but may name the customer or
 * internals, so they are offered for the author to mine and delete, never published by default.
 */
export function draftArticleBody(messages: readonly TicketMessage[]): string {
  const problem = messages[0];
  const resolution = [...messages].reverse().find((m) => m.visibility === 'public' && m.author.type === 'member');
  const notes = messages.filter((m) => m.visibility === 'internal');
  const parts = [
    '## Problem',
    '',
    problem?.body.trim() || '_Describe the problem as the customer saw it._',
    '',
    '## Resolution',
    '',
    resolution?.body.trim() || '_Describe what fixed it._',
  ];
  if (notes.length) {
    parts.push('', '<details>', '<summary>Internal notes</summary>', '');
    for (const note of notes) parts.push(`**${note.author.name}, ${note.createdAt.slice(0, 10)}**`, '', note.body.trim(), '');
    parts.push('</details>');
  }
  return `${parts.join('\n')}\n`;
}
