import { useEffect, useRef } from 'react';

export interface InboxKeyActions {
  move: (delta: 1 | -1) => void;
  open: () => void;
  focusLink: () => void;
  newRequest: () => void;
  close: () => void;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * The inbox's single-key shortcuts, as in a mail client: j/k or the arrows move, Enter opens the
 * link panel, `l` jumps to "link to…", `n` makes a new request, Escape closes. Keys typed into a
 * field stay there, and Enter on a button or link keeps doing what the button or link does.
 */
export function useInboxKeys(actions: InboxKeyActions) {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
      // Another layer (a modal, a dropdown) owns the keyboard while it is open.
      if (target?.closest('[role="dialog"], [role="listbox"]')) return;
      const onControl = target?.closest('button, a[href], [role="button"]');
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      const a = latest.current;
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          return run(() => a.move(1));
        case 'k':
        case 'ArrowUp':
          return run(() => a.move(-1));
        case 'Enter':
          return onControl ? undefined : run(a.open);
        case 'l':
          return run(a.focusLink);
        case 'n':
          return run(a.newRequest);
        case 'Escape':
          return run(a.close);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
