import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { QuestionFilters, QuestionStatus } from './api';

/**
 * The workspace's question filters. "Assigned to me" lives in the address (`?assignee=me`) so an
 * assignment e-mail can link straight to the expert's questions; the rest is the screen's own state.
 */
export function useQuestionFilters() {
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<QuestionStatus | 'all'>('all');
  const [section, setSection] = useState<string | undefined>();
  const mine = params.get('assignee') === 'me';
  const [gapsOnly, setGapsOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const setMine = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('assignee', 'me');
    else next.delete('assignee');
    setParams(next, { replace: true });
  };
  const filters: QuestionFilters = {
    ...(status !== 'all' && { status }),
    ...(section && { section }),
    ...(mine && { assignee: 'me' }),
    ...(gapsOnly && { gap: 'true' }),
    ...(q && { q }),
  };
  return { filters, status, setStatus, section, setSection, mine, setMine, gapsOnly, setGapsOnly, search, setSearch };
}

export type QuestionFilterState = ReturnType<typeof useQuestionFilters>;
