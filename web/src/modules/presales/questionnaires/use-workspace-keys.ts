import { useEffect, useRef } from 'react';

export interface WorkspaceKeyActions {
  move: (delta: 1 | -1) => void;
  nextUnanswered: () => void;
  accept: () => void;
  edit: () => void;
  review: () => void;
  approve: () => void;
  assign: () => void;
  help: () => void;
}

/** The workspace's single-key shortcuts, shown in its help popover. */
export const WORKSPACE_KEYS: { keys: string[]; what: string }[] = [
  { keys: ['j', '↓'], what: 'Next question' },
  { keys: ['k', '↑'], what: 'Previous question' },
  { keys: ['n'], what: 'Next question without an answer' },
  { keys: ['a'], what: 'Accept the library suggestion' },
  { keys: ['e'], what: 'Edit the answer' },
  { keys: ['Ctrl', 'Enter'], what: 'Save the answer (while editing)' },
  { keys: ['Esc'], what: 'Leave the answer box' },
  { keys: ['r'], what: 'Mark reviewed' },
  { keys: ['p'], what: 'Approve' },
  { keys: ['s'], what: 'Assign to an expert' },
  { keys: ['?'], what: 'Show these keys' },
];

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Single keys that drive the questionnaire workspace without the mouse. Keys typed into a field stay
 * there (Escape leaves the field); a dialog or an open list owns the keyboard while it is open.
 */
export function useWorkspaceKeys(actions: WorkspaceKeyActions) {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) {
        if (event.key === 'Escape') target.blur();
        return;
      }
      if (target?.closest('[role="dialog"], [role="listbox"], [role="menu"]')) return;
      const a = latest.current;
      const keys: Record<string, () => void> = {
        j: () => a.move(1),
        ArrowDown: () => a.move(1),
        k: () => a.move(-1),
        ArrowUp: () => a.move(-1),
        n: a.nextUnanswered,
        a: a.accept,
        e: a.edit,
        r: a.review,
        p: a.approve,
        s: a.assign,
        '?': a.help,
      };
      const action = keys[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
