import type { BusinessReview, PortalBusinessReview } from '../contract/reviews.js';
import { renderReviewPdf } from './pdf/review-pdf.js';

/** The file name a download gets: the account and the period, nothing a header could break on. */
export function reviewPdfName(r: { accountName: string; periodStart: string; periodEnd: string }): string {
  const account =
    r.accountName
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'account';
  return `business-review-${account}-${r.periodStart}-${r.periodEnd}.pdf`;
}

export function reviewPdf(review: BusinessReview | PortalBusinessReview): Promise<Buffer> {
  return renderReviewPdf({
    title: review.title,
    accountName: review.accountName,
    periodStart: review.periodStart,
    periodEnd: review.periodEnd,
    sentAt: review.sentAt,
    data: review.data,
    sections: review.sections,
  });
}
