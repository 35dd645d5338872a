/**
 * The support module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { startEmailChannel } from './email/channel.js';
export { expireRawMail, mailMetrics, RAW_MAIL_RETENTION_PASS_MS } from './email/mail-quarantine-exports.js';
export { runEscalationRules } from './escalation/escalation-rule-service.js';
export { escalateTicket } from './escalation/escalation-service.js';
export { createArticle, getArticle, linkArticle, searchPublicArticles } from './knowledge/service.js';
export { saveMacro } from './macros/service.js';
export { importTickets } from './import/import-tickets.js';
export type { ImportedAttachment, ImportedMessage, ImportedTicket, ImportedTicketResult } from './import/import-tickets.js';
export { importTicketField, listTicketFields } from './fields/ticket-field-service.js';
export type { TicketField } from './contract/ticket-fields.js';
export { ensureDefaultViews } from './queues/views.js';
export { saveRunbook } from './runbooks/service.js';
export { createGroup, listGroups, saveCalendar, savePolicy, saveRule } from './settings/settings-service.js';
export { CALENDAR_HOURS, addBusinessMinutes } from './sla/business-calendar.js';
export type { BusinessCalendar } from './sla/business-calendar.js';
export { breachesAdded, detectBreaches, onAgentPublicReply, onCustomerMessage, onStatusChange, startSla } from './sla/sla-clock.js';
export type { SlaState, SlaTargets } from './sla/sla-clock.js';
export { choosePolicy } from './sla/sla-policy-match.js';
export type { SlaConditions, SlaTargetsByPriority } from './sla/sla-policy-match.js';
export { slaColumns, sweepSlaBreaches } from './sla/sla-service.js';
export type {
  EscalationRuleFiringsTable,
  EscalationsTable,
  TicketMessagesTable,
  TicketPriority,
  TicketStatus,
  TicketsTable,
  TicketFieldType,
  TicketType,
  Tier,
} from './tables.js';
export { addAgentMessage, addCustomerMessage, listMessages } from './tickets/message-service.js';
export { ticketRefs, type TicketRef } from './tickets/ticket-refs.js';
export { findAccountTicket, listAccountTickets, type AccountTicket } from './tickets/account-tickets.js';
export { createTicket, getTicket, listDeploymentTickets, updateTicket } from './tickets/ticket-service.js';
export {
  loadMessageSearchDocuments,
  loadTicketSearchDocuments,
  messageSearchSource,
  ticketInStatusSql,
  ticketSearchSource,
} from './tickets/ticket-search-documents.js';
export { articleSearchSource } from './knowledge/article-search-documents.js';
export { configureSupport, type SupportPorts } from './ports.js';
export { supportPlugin } from './plugin.js';
export { csatFigures, openTickets, slaBreaches } from './health-figures.js';
export type { TicketEvidence } from './health-figures.js';
export { ticketsForReview, type ReviewTicket } from './tickets/review-tickets.js';
export {
  analyticsGroups,
  csatByMonth,
  dailyFlow,
  escalationsByMonth,
  slaAttainmentCells,
  ticketTimes,
} from './analytics/support-analytics.js';
export type { SupportAnalyticsFilter } from './analytics/support-analytics.js';
export { ticketTimeLinks } from './time-link.js';
export { ticketWorkMix } from './profile-sources.js';
export { apiGroups, renameGroup, type ApiGroup } from './compat/api-groups.js';
export { ticketRecords, type TicketRecord } from './compat/ticket-records.js';
export {
  ticketCursorPage,
  ticketOffsetPage,
  type ListedTicket,
  type SortOrder,
  type TicketListFilter,
  type TicketSortKey,
} from './compat/ticket-pages.js';
export { deleteTicket } from './compat/ticket-delete.js';
export {
  countTicketsWhere,
  ticketIdsAfterNumber,
  ticketCeiling,
  ticketIdsWhere,
  type TicketCriteria,
  type TicketQuerySort,
} from './compat/ticket-query.js';
export { ticketChanges, type ChangedRecord } from './compat/ticket-changes.js';
export { findView, listViews, type TicketView } from './queues/views.js';
export { viewCreationTimes } from './compat/search-view-times.js';
export { ticketTagCounts } from './compat/tag-counts.js';
