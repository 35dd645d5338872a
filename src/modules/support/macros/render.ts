/**
 * Macro text rendering: a pure function from a template and the ticket's values to the reply.
 * A placeholder the renderer does not know stays in the text as written, so a typo such as
 * `{{requester.frist_name}}` is visible in the preview instead of silently vanishing.
 */

export const MACRO_PLACEHOLDERS = [
  'requester.name',
  'requester.first_name',
  'ticket.number',
  'ticket.subject',
  'account.name',
  'agent.name',
] as const;
export type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];
export type PlaceholderValues = Record<MacroPlaceholder, string>;

export interface RenderContext {
  requesterName: string;
  ticketNumber: number;
  ticketSubject: string;
  accountName: string;
  agentName: string;
}

export function placeholderValues(c: RenderContext): PlaceholderValues {
  const name = c.requesterName.trim();
  return {
    'requester.name': name,
    'requester.first_name': name.split(/\s+/)[0] ?? '',
    'ticket.number': String(c.ticketNumber),
    'ticket.subject': c.ticketSubject,
    'account.name': c.accountName,
    'agent.name': c.agentName,
  };
}

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/**
 * @example renderMacro('Hi {{requester.first_name}}, {{oops}}', values)
 *   // → { text: 'Hi Peter, {{oops}}', unknownPlaceholders: ['oops'] }
 */
export function renderMacro(template: string, values: PlaceholderValues): { text: string; unknownPlaceholders: string[] } {
  const unknown = new Set<string>();
  const text = template.replace(PLACEHOLDER, (match, name: string) => {
    const key = name.toLowerCase();
    if (key in values) return values[key as MacroPlaceholder];
    unknown.add(name);
    return match;
  });
  return { text, unknownPlaceholders: [...unknown] };
}
