import { useRef } from 'react';
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
  return useDebouncedCallback((value: string) => {
    if (state.current === 'idle') apply(value);
  }, delayMs);
}
