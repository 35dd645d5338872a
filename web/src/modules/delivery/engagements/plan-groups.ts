import type { Engagement, Phase, Task } from './api';

export interface PhaseGroup {
  phase: Phase | null;
  tasks: Task[];
}

/** The plan as the team reads it: phases in order, each with its tasks in order; loose tasks last. */
export function planGroups(engagement: Pick<Engagement, 'phases' | 'tasks'>): PhaseGroup[] {
  const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;
  const groups: PhaseGroup[] = [...engagement.phases].sort(byPosition).map((phase) => ({
    phase,
    tasks: engagement.tasks.filter((t) => t.phaseId === phase.id).sort(byPosition),
  }));
  const known = new Set(engagement.phases.map((p) => p.id));
  const loose = engagement.tasks.filter((t) => !t.phaseId || !known.has(t.phaseId)).sort(byPosition);
  if (loose.length) groups.push({ phase: null, tasks: loose });
  return groups;
}
