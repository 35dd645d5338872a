/** Status reports, POC criteria, training sessions and field visits (DESIGN §2, delivery); merged into `Database` in src/db/schema.ts. */
export interface DeliveryRecordTables {
  status_reports: StatusReportsTable;
  status_report_recipients: StatusReportRecipientsTable;
  poc_criteria: PocCriteriaTable;
  training_sessions: TrainingSessionsTable;
  training_attendees: TrainingAttendeesTable;
  field_visits: FieldVisitsTable;
}

export const OVERALL_STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export type OverallStatus = (typeof OVERALL_STATUSES)[number];

export const REPORT_STATUSES = ['draft', 'sent'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The sections of a status report, in the order a reader meets them. */
export const REPORT_SECTIONS = ['summary', 'done', 'next', 'risks', 'decisions', 'budget', 'milestones'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface StatusReportsTable {
  id: string;
  engagement_id: string;
  title: string;
  period_start: string;
  period_end: string;
  overall_status: OverallStatus;
  /** What the data said when the report was generated; the engineer may choose otherwise. */
  suggested_status: OverallStatus;
  /** JSON: Record<ReportSection, string> of Markdown. */
  sections: string;
  /** JSON: the structured figures the report was generated from. */
  figures: string;
  status: ReportStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** When it was first sent. */
  sent_at: string | null;
}

export interface StatusReportRecipientsTable {
  id: string;
  report_id: string;
  contact_id: string;
  email: string;
  outbox_email_id: string;
  sent_by: string | null;
  sent_at: string;
}

export const CRITERION_STATUSES = ['pending', 'pass', 'fail'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

export interface PocCriteriaTable {
  id: string;
  engagement_id: string;
  position: number;
  statement: string;
  owner_type: 'member' | 'contact' | null;
  owner_id: string | null;
  status: CriterionStatus;
  evidence: string | null;
  evidence_url: string | null;
  created_at: string;
  updated_at: string;
}

export const TRAINING_AUDIENCES = ['end_users', 'it_admins'] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

export const TRAINING_STATUSES = ['scheduled', 'delivered', 'cancelled'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export interface TrainingSessionsTable {
  id: string;
  account_id: string;
  engagement_id: string | null;
  topic: string;
  audience: TrainingAudience;
  scheduled_at: string;
  duration_minutes: number;
  trainer_id: string | null;
  /** JSON: { title, url }[] */
  materials: string;
  notes: string | null;
  status: TrainingStatus;
  delivered_at: string | null;
  interaction_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingAttendeesTable {
  session_id: string;
  contact_id: string;
  rating: number | null;
  comment: string | null;
  feedback_at: string | null;
  feedback_by: string | null;
}

export const VISIT_STATUSES = ['planned', 'completed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export interface FieldVisitsTable {
  id: string;
  account_id: string;
  engagement_id: string | null;
  visit_date: string;
  site_address: string;
  purpose: string;
  engineer_id: string | null;
  /** JSON: { label, done }[] */
  checklist: string;
  report: string | null;
  status: VisitStatus;
  completed_at: string | null;
  interaction_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
