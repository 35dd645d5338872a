import type { ReviewStatus } from '../contract/reviews.js';

/** Business reviews (migration 0023). */
export interface ReviewTables {
  business_reviews: BusinessReviewsTable;
  business_review_recipients: BusinessReviewRecipientsTable;
}

export interface BusinessReviewsTable {
  id: string;
  account_id: string;
  title: string;
  period_start: string;
  period_end: string;
  status: ReviewStatus;
  /** JSON ReviewData: the figures as generated; never recomputed, so a sent review stays as sent. */
  data: string;
  /** JSON ReviewSection[]: the editable Markdown. */
  sections: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  sent_by: string | null;
}

export interface BusinessReviewRecipientsTable {
  review_id: string;
  contact_id: string;
  shared_at: string;
}
