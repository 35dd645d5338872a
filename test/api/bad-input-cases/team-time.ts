import type { CaseSet } from './write-case.js';

const entryBody = () => ({ minutes: 30, category: 'internal', date: '2026-03-02', note: 'Planning' });

/** Team time write routes (issue 17): time entries for everyone and the weekly timesheet's copy. */
export const teamTimeCases: CaseSet = {
  async fixtures({ admin }) {
    const entry = await admin.request({ method: 'POST', url: '/api/time-entries', payload: entryBody() });
    return { teamTimeEntryId: entry.json().id as string };
  },
  cases: {
    'POST /api/time-entries': {
      url: () => '/api/time-entries',
      validBody: () => entryBody(),
      wrongTypes: { body: { ...entryBody(), minutes: 'half an hour' }, path: 'minutes' },
    },
    'PATCH /api/time-entries/:id': {
      url: (f) => `/api/time-entries/${f.teamTimeEntryId}`,
      validBody: () => ({ minutes: 45 }),
      wrongTypes: { body: { billable: 'yes' }, path: 'billable' },
      unknownId: { url: '/api/time-entries/no-such-entry', body: { minutes: 45 }, code: 'time_entries.not_found' },
    },
    'POST /api/time-entries/copy-week': {
      url: () => '/api/time-entries/copy-week',
      validBody: () => ({ fromWeekStart: '2026-03-02', toWeekStart: '2026-03-09' }),
      wrongTypes: { body: { fromWeekStart: 20260302, toWeekStart: '2026-03-09' }, path: 'fromWeekStart' },
    },
  },
};
