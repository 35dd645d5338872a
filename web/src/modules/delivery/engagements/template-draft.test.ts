import { describe, expect, it } from 'vitest';
import type { Template, TemplateTask } from './api';
import { blankTask, draftOf, inputOf, move, newKey, totalWorkingDays, withoutTask, type DraftPhase } from './template-draft';

const t = (key: string, startOffsetDays: number, durationDays: number, dependsOn: string[] = []): TemplateTask => ({
  ...blankTask(),
  key,
  title: key,
  startOffsetDays,
  durationDays,
  dependsOn,
});
const phase = (name: string, tasks: TemplateTask[]): DraftPhase => ({ uid: newKey('phase'), name, tasks });

describe('totalWorkingDays (the template editor total)', () => {
  it('is zero for an empty template and a task’s duration for one task', () => {
    expect(totalWorkingDays([])).toBe(0);
    expect(totalWorkingDays([phase('Empty', [])])).toBe(0);
    expect(totalWorkingDays([phase('Discovery', [t('a', 0, 3)])])).toBe(3);
  });

  it('starts a task the day after its dependencies end, across phases', () => {
    const phases = [phase('Discovery', [t('kickoff', 0, 2)]), phase('Build', [t('build', 0, 5, ['kickoff']), t('train', 0, 1, ['build'])])];
    expect(totalWorkingDays(phases)).toBe(8);
  });

  it('keeps a later offset when it is after the dependencies', () => {
    expect(totalWorkingDays([phase('P', [t('a', 0, 2), t('b', 10, 2, ['a'])])])).toBe(12);
  });

  it('takes the longest of parallel tasks and the last of several dependencies', () => {
    expect(totalWorkingDays([phase('P', [t('a', 0, 2), t('b', 0, 4)])])).toBe(4);
    expect(totalWorkingDays([phase('P', [t('a', 0, 2), t('b', 0, 4), t('c', 0, 1, ['a', 'b'])])])).toBe(5);
  });

  it('counts from the first task’s start, not from day zero', () => {
    expect(totalWorkingDays([phase('P', [t('a', 3, 2), t('b', 5, 1)])])).toBe(3);
  });

  it('counts a task of zero days as one day', () => {
    expect(totalWorkingDays([phase('P', [t('a', 0, 0), t('b', 0, 0, ['a'])])])).toBe(2);
  });

  it('ignores a dependency on a task that is no longer there', () => {
    expect(totalWorkingDays([phase('P', [t('a', 0, 2, ['gone'])])])).toBe(2);
  });

  it('gives no total when the dependencies form a cycle, whatever order the tasks are in', () => {
    expect(totalWorkingDays([phase('P', [t('a', 0, 1, ['a'])])])).toBeNull();
    expect(totalWorkingDays([phase('P', [t('a', 0, 1, ['b']), t('b', 0, 1, ['a'])])])).toBeNull();
    expect(
      totalWorkingDays([phase('P', [t('x', 0, 1)]), phase('Q', [t('a', 0, 1, ['c']), t('b', 0, 1, ['a']), t('c', 0, 1, ['b'])])]),
    ).toBeNull();
    expect(totalWorkingDays([phase('Q', [t('c', 0, 1, ['b']), t('b', 0, 1, ['a']), t('a', 0, 1, ['c'])])])).toBeNull();
  });

  it('does not mistake a shared dependency (a diamond) for a cycle', () => {
    expect(totalWorkingDays([phase('P', [t('d', 0, 1, ['b', 'c']), t('b', 0, 2, ['a']), t('c', 0, 3, ['a']), t('a', 0, 1)])])).toBe(5);
  });
});

describe('editing a template draft', () => {
  it('removing a task drops it from every other task’s dependencies', () => {
    const phases = [phase('A', [t('a', 0, 1), t('b', 0, 1, ['a'])]), phase('B', [t('c', 0, 1, ['a', 'b'])])];
    const next = withoutTask(phases, 'a');
    expect(next.map((p) => p.tasks.map((x) => [x.key, x.dependsOn]))).toEqual([[['b', []]], [['c', ['b']]]]);
    expect(next.map((p) => p.uid)).toEqual(phases.map((p) => p.uid));
    expect(phases[0]!.tasks).toHaveLength(2); // the draft it came from is untouched
  });

  it('moves an item one place up or down and ignores moves off either end', () => {
    const items = ['a', 'b', 'c'];
    expect(move(items, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(items, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(items, 0, -1)).toBe(items);
    expect(move(items, 2, 1)).toBe(items);
    expect(items).toEqual(['a', 'b', 'c']);
  });

  it('gives every new task and phase a key of its own', () => {
    const keys = new Set(Array.from({ length: 50 }, () => blankTask().key));
    expect(keys.size).toBe(50);
  });

  it('starts a new template with one Discovery phase holding one blank one-day task', () => {
    const draft = draftOf();
    expect(draft).toMatchObject({ name: '', kind: 'implementation', description: '' });
    expect(draft.phases.map((p) => p.name)).toEqual(['Discovery']);
    expect(draft.phases[0]!.tasks).toEqual([
      expect.objectContaining({ title: '', durationDays: 1, startOffsetDays: 0, dependsOn: [], ownerSide: 'team' }),
    ]);
  });

  it('opens a saved template with its phases in order', () => {
    const template: Template = {
      id: 'tpl-1',
      name: 'Rollout',
      kind: 'proof_of_concept',
      description: null,
      archived: false,
      durationDays: 3,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      phases: [
        { id: 'p2', name: 'Build', position: 2, tasks: [t('b', 0, 2)] },
        { id: 'p1', name: 'Discovery', position: 1, tasks: [t('a', 0, 1)] },
      ],
    };
    const draft = draftOf(template);
    expect(draft).toMatchObject({ name: 'Rollout', kind: 'proof_of_concept', description: '' });
    expect(draft.phases.map((p) => [p.name, p.tasks.map((x) => x.key)])).toEqual([
      ['Discovery', ['a']],
      ['Build', ['b']],
    ]);
    expect(new Set(draft.phases.map((p) => p.uid)).size).toBe(2);
  });

  it('saves trimmed names and titles, and an empty description as none', () => {
    const input = inputOf({
      name: '  Rollout ',
      kind: 'implementation',
      description: '   ',
      phases: [{ uid: 'u', name: ' Build ', tasks: [{ ...t('a', 0, 1), title: ' Install ' }] }],
    });
    expect(input.name).toBe('Rollout');
    expect(input.description).toBeNull();
    expect(input.phases).toEqual([{ name: 'Build', tasks: [expect.objectContaining({ key: 'a', title: 'Install' })] }]);
    expect(input.phases[0]).not.toHaveProperty('uid');
  });
});
