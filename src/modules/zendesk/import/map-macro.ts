import { CURRENT_USER, macroBody, type MacroInput } from '../../support/contract/macros.js';
import { normaliseTags } from './map-people.js';
import { idKey, type ZendeskMacro } from './zendesk-records.js';

/** A Zendesk macro as an Outpost macro, and each action Outpost macros cannot do (reported, not dropped silently). */
export interface MappedMacro {
  input: MacroInput;
  leftOut: string[];
  invalid: string | null;
}

const STATUSES: Record<string, 'open' | 'pending' | 'on_hold' | 'solved'> = {
  open: 'open',
  pending: 'pending',
  hold: 'on_hold',
  solved: 'solved',
};

/**
 * Maps a macro's actions (Zendesk's `{field, value}` list): the comment and its visibility, status,
 * priority, tags, assignee and group. People and groups are looked up among the imported ones.
 */
export function mapMacro(
  macro: ZendeskMacro,
  person: (zendeskUserId: string) => string | undefined,
  group: (zendeskGroupId: string) => string | undefined,
): MappedMacro {
  const leftOut: string[] = [];
  let body = '';
  let visibility: 'public' | 'internal' = 'public';
  const actions: Record<string, unknown> = {};
  for (const action of macro.actions ?? []) {
    const value = action.value;
    const text = Array.isArray(value) ? String(value[value.length - 1] ?? '') : value === null || value === undefined ? '' : String(value);
    switch (action.field) {
      case 'comment_value':
        body = text;
        break;
      case 'comment_value_html':
        if (!body)
          body = text
            .replace(/<[^>]*>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim();
        break;
      case 'comment_mode_is_public':
        visibility = text === 'false' ? 'internal' : 'public';
        break;
      case 'status':
        if (STATUSES[text]) actions.status = STATUSES[text];
        else leftOut.push(`status "${text}" cannot be set by a macro`);
        break;
      case 'priority':
        if (['low', 'normal', 'high', 'urgent'].includes(text)) actions.priority = text;
        else leftOut.push(`priority "${text}" is not known`);
        break;
      case 'set_tags':
      case 'current_tags':
        actions.addTags = normaliseTags(text.split(/\s+/));
        break;
      case 'remove_tags':
        actions.removeTags = normaliseTags(text.split(/\s+/));
        break;
      case 'assignee_id': {
        const member = text === 'current_user' ? CURRENT_USER : person(text);
        if (member === CURRENT_USER) actions.assigneeId = CURRENT_USER;
        else if (member?.startsWith('member:')) actions.assigneeId = member.slice(7);
        else leftOut.push(`assignee ${text} is not an imported agent`);
        break;
      }
      case 'group_id': {
        const groupId = group(text);
        if (groupId) actions.groupId = groupId;
        else leftOut.push(`group ${text} is not an imported group`);
        break;
      }
      default:
        leftOut.push(`action "${action.field ?? '?'}" is not supported by Outpost macros`);
    }
  }
  const parsed = macroBody.safeParse({
    title: (macro.title ?? '').trim().slice(0, 200) || `Macro ${idKey(macro.id)}`,
    body: body.slice(0, 100_000),
    visibility,
    actions,
    shared: true,
  });
  return parsed.success
    ? { input: parsed.data, leftOut, invalid: null }
    : { input: {} as MacroInput, leftOut, invalid: parsed.error.issues[0]?.message ?? 'not a valid macro' };
}
