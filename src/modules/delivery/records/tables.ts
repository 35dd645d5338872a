import type { CriterionStatus, OverallStatus, ReportStatus, TrainingAudience, TrainingStatus, VisitStatus } from '../contract/kinds.js';

/** Status reports, POC criteria, training sessions and field visits (DESIGN §2, delivery); merged into `Database` in src/db/schema.ts. */
export interface DeliveryRecordTables {
  status_reports: StatusReportsTable;
  status_report_recipients: StatusReportRecipientsTable;
  poc_criteria: PocCriteriaTable;
  training_sessions: TrainingSessionsTable;
  training_attendees: TrainingAttendeesTable;
  field_visits: FieldVisitsTable;
}

// The value lists live in the contract (the web app shares them); re-exported for the server's files.
export {
  CRITERION_STATUSES,
  OVERALL_STATUSES,
  REPORT_SECTIONS,
  REPORT_STATUSES,
  TRAINING_AUDIENCES,
  TRAINING_STATUSES,
  VISIT_STATUSES,
} from '../contract/kinds.js';
export type {
  CriterionStatus,
  OverallStatus,
  ReportSection,
  ReportStatus,
  TrainingAudience,
  TrainingStatus,
  VisitStatus,
} from '../contract/kinds.js';

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
