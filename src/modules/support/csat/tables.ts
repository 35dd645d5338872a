/** Satisfaction surveys sent when a ticket is solved (merged into the `Database` interface in src/db/schema.ts). */
export interface CsatTables {
  csat_surveys: CsatSurveysTable;
}

export interface CsatSurveysTable {
  id: string;
  ticket_id: string;
  contact_id: string;
  /** SHA-256 of the link's token: the token itself is the requester's credential and is not stored. */
  token_hash: string;
  expires_at: string;
  rating: 'good' | 'bad' | null;
  comment: string | null;
  rated_at: string | null;
  /** Who had the ticket when it was solved: the member the rating counts for. */
  assignee_id: string | null;
  account_id: string;
  created_at: string;
}
