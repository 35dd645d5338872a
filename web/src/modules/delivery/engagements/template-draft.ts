import type { Template, TemplateInput, TemplateTask } from './api';
import type { EngagementKind } from './labels';

export interface DraftPhase {
  /** Stable across edits, for React keys (phases have no key of their own in the API). */
  uid: string;
  name: string;
  tasks: TemplateTask[];
}

export interface TemplateDraft {
  name: string;
  kind: EngagementKind;
  description: string;
  phases: DraftPhase[];
}

let counter = 0;
/** A task key no other task in the draft has: it names the task for `dependsOn`. */
export const newKey = (prefix = 'task') => `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}`;

export const blankTask = (): TemplateTask => ({
  key: newKey(),
  title: '',
  description: null,
  ownerSide: 'team',
  ownerRole: null,
  startOffsetDays: 0,
  durationDays: 1,
  dependsOn: [],
  customerVisible: false,
  milestone: false,
});

export const draftOf = (template?: Template): TemplateDraft =>
  template
    ? {
        name: template.name,
        kind: template.kind,
        description: template.description ?? '',
        phases: template.phases
          .slice()
          .sort((a, b) => a.position - b.position)
          .map((p) => ({ uid: newKey('phase'), name: p.name, tasks: p.tasks })),
      }
    : { name: '', kind: 'implementation', description: '', phases: [{ uid: newKey('phase'), name: 'Discovery', tasks: [blankTask()] }] };

export const inputOf = (draft: TemplateDraft): TemplateInput => ({
  name: draft.name.trim(),
  kind: draft.kind,
  description: draft.description.trim() || null,
  phases: draft.phases.map((p) => ({
    name: p.name.trim(),
    tasks: p.tasks.map((t) => ({ ...t, title: t.title.trim() })),
  })),
});

/** Moves an item one place up (-1) or down (+1); out-of-range moves change nothing. */
export function move<T>(items: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return items;
  const next = items.slice();
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** Removing a task also removes it from every other task's dependencies. */
export function withoutTask(phases: DraftPhase[], key: string): DraftPhase[] {
  return phases.map((p) => ({
    ...p,
    tasks: p.tasks.filter((t) => t.key !== key).map((t) => ({ ...t, dependsOn: t.dependsOn.filter((d) => d !== key) })),
  }));
}

/**
 * Working days from the first task's start to the last task's end, laid out as the server does: a
 * task starts at its offset, or the day after the last of its dependencies ends if that is later.
 * Null when the dependencies form a cycle (the server will say which).
 */
export function totalWorkingDays(phases: DraftPhase[]): number | null {
  const tasks = new Map(phases.flatMap((p) => p.tasks).map((t) => [t.key, t]));
  const end = new Map<string, number>();
  const starts = new Map<string, number>();
  const visiting = new Set<string>();
  const endOf = (key: string): number | null => {
    const known = end.get(key);
    if (known !== undefined) return known;
    const task = tasks.get(key);
    if (!task) return 0;
    if (visiting.has(key)) return null;
    visiting.add(key);
    let start = task.startOffsetDays;
    for (const dep of task.dependsOn) {
      const depEnd = endOf(dep);
      if (depEnd === null) return null;
      start = Math.max(start, depEnd);
    }
    visiting.delete(key);
    starts.set(key, start);
    const finish = start + Math.max(1, task.durationDays);
    end.set(key, finish);
    return finish;
  };
  let last = 0;
  for (const key of tasks.keys()) {
    const finish = endOf(key);
    if (finish === null) return null;
    last = Math.max(last, finish);
  }
  return tasks.size ? last - Math.min(...starts.values()) : 0;
}
