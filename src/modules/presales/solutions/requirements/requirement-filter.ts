import type { RequirementListQuery } from '../../contract/solutions.js';
import type { RequirementRow } from './requirement-rows.js';

/**
 * The requirements a list's filters keep: fit, priority, section, words of the text, reference
 * or notes (every word must appear, case ignored), and those no design answers yet.
 */
export function filterRequirements(
  rows: readonly RequirementRow[],
  q: RequirementListQuery,
  designIds: ReadonlyMap<string, string[]>,
): RequirementRow[] {
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (q.fit && r.fit !== q.fit) return false;
    if (q.priority && r.priority !== q.priority) return false;
    if (q.section && r.section !== q.section) return false;
    if (q.withoutDesign === 'true' && designIds.get(r.id)?.length) return false;
    if (q.withoutDesign === 'false' && !designIds.get(r.id)?.length) return false;
    if (words.length) {
      const haystack = `${r.reference ?? ''} ${r.text} ${r.notes ?? ''} ${r.section ?? ''}`.toLowerCase();
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}
