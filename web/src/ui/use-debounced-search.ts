import { useEffect, useRef } from 'react';
import { useNavigation } from 'react-router-dom';
import { useDebouncedCallback } from '@mantine/hooks';

/**
 * A search box's debounced write to the URL that stands down once the user is leaving the page:
 * a click on a result starts a navigation (the next screen may still be loading), and a late
 * `?q=` update would otherwise replace it and send the user back to the list.
 */
export function useDebouncedSearch(apply: (value: string) => void, delayMs = 300): (value: string) => void {
  const navigation = useNavigation();
  const state = useRef(navigation.state);
  state.current = navigation.state;
  const debounced = useDebouncedCallback((value: string) => {
    if (state.current === 'idle') apply(value);
  }, delayMs);
  // The router's state reaches this component only at its next render, which a busy machine can
  // put after the timer (seen in CI: the late write cancelled the navigation to the clicked
  // account). A click on a link is the first sign of leaving, so it cancels the pending write.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest('a[href]')) debounced.cancel();
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [debounced]);
  return debounced;
}
