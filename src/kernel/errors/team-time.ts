import { make } from './make.js';

/**
 * Errors of the team module's time area (issue 17). Spread into the one catalogue in ../errors.ts.
 * Details name the request `field` a form shows the message under.
 */
export const teamTimeErrors = {
  timeEntryForOthers: make(
    'time_entries.for_others_forbidden',
    403,
    'You can log and change only your own time; time for others needs the time.manage permission (admins and engineering managers).',
  ),
  timeEntryMemberUnknown: make('time_entries.member_unknown', 422, 'The member named in "memberId" does not exist.'),
  timeEntryTicketUnknown: make('time_entries.ticket_unknown', 422, 'The ticket named in "ticketId" does not exist.'),
  timeEntryEngagementUnknown: make('time_entries.engagement_unknown', 422, 'The engagement named in "engagementId" does not exist.'),
  timeEntryTaskUnknown: make('time_entries.task_unknown', 422, 'The task named in "taskId" does not exist.'),
  timeEntryAccountUnknown: make('time_entries.account_unknown', 422, 'The account named in "accountId" does not exist.'),
  timeEntryOpportunityUnknown: make('time_entries.opportunity_unknown', 422, 'The opportunity named in "opportunityId" does not exist.'),
  timeEntryInteractionUnknown: make('time_entries.interaction_unknown', 422, 'The interaction named in "interactionId" does not exist.'),
  timeEntryLinkAccountMismatch: make(
    'time_entries.link_account_mismatch',
    422,
    'The linked records belong to different accounts: link records of one account (the field named in details is the one that differs).',
  ),
  timeEntryTaskEngagementMismatch: make(
    'time_entries.task_engagement_mismatch',
    422,
    'The task in "taskId" belongs to another engagement than "engagementId": leave "engagementId" out and it is taken from the task.',
  ),
  timeEntryInFuture: make('time_entries.in_future', 422, 'Time can be logged at most one day ahead: pick an earlier date.'),
  timesheetWeekNotEmpty: make(
    'time_entries.week_not_empty',
    409,
    'The target week already has time entries, so nothing was copied (copying twice would double the time). Clear that week first, or edit it by hand.',
  ),
  timesheetWeekEmpty: make('time_entries.week_empty', 422, 'The source week has no time entries to copy.'),
  timeExportRangeInvalid: make(
    'time_entries.export_range_invalid',
    422,
    'The export range must start on or before its end, and cover at most 366 days.',
  ),
};
