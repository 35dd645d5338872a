export function AccountBusinessReviewsCard(_: { accountId: string }) {
  return null;
}
