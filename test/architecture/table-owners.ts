/**
 * Which module owns each table (DESIGN §4: a table belongs to one module; only its repositories
 * read or write it). The kernel's tables are the audit log, settings and the domain-event outbox.
 * A new table is added here in the same commit as its migration; the test fails until it is.
 */
export const TABLE_OWNERS: Record<string, readonly string[]> = {
  kernel: ['audit_log', 'settings', 'events'],
  platform: ['idempotency_keys', 'outbox_emails', 'webhook_attempts', 'webhook_deliveries', 'webhook_subscriptions'],
  identity: ['api_tokens', 'portal_credentials', 'portal_links', 'portal_sessions', 'rate_limit_counters', 'sessions'],
  team: ['member_roles', 'member_skills', 'members', 'time_entries'],
  search: ['search_documents', 'search_fts'],
  accounts: ['account_domains', 'account_team', 'accounts', 'contacts', 'interaction_attendees', 'interactions'],
  support: [
    'business_calendars', 'csat_surveys', 'escalation_rule_firings', 'escalation_rules', 'escalations', 'inbound_emails',
    'kb_article_links', 'kb_article_tags', 'kb_articles', 'macros', 'quarantined_emails', 'runbook_run_steps', 'runbook_runs', 'runbooks', 'sequences',
    'sla_policies', 'ticket_attachments', 'ticket_events', 'ticket_groups', 'ticket_messages', 'ticket_tags', 'ticket_views', 'tickets',
  ],
  delivery: [
    'campaign_deployment_events', 'campaign_deployments', 'campaign_windows', 'deployment_config_versions', 'deployment_contacts',
    'deployment_customisations', 'deployments', 'engagement_members', 'engagement_phases', 'engagement_tasks', 'engagement_templates',
    'engagements', 'field_visits', 'poc_criteria', 'releases', 'status_report_recipients', 'status_reports', 'task_comments',
    'task_dependencies', 'template_phases', 'template_task_dependencies', 'template_tasks', 'training_attendees', 'training_sessions',
    'upgrade_campaigns',
  ],
  portal: [],
};
