import { make } from './make.js';

/**
 * Errors of the team module’s members and time entries (the issue-17 areas have files of their
 * own). Spread into the one catalogue in ../errors.ts.
 */
export const teamErrors = {
  memberNotFound: make('members.not_found', 404, 'No member with this id.'),
  lastAdmin: make('members.last_admin', 409, 'This is the last active admin; make another member admin first.'),
  timeEntryNotFound: make('time_entries.not_found', 404, 'No time entry with this id.'),
  timeEntryNotYours: make('time_entries.not_yours', 403, 'You can change only your own time entries; an admin can change anyone’s.'),
};
