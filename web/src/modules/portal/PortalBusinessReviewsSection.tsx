export function PortalBusinessReviewsSection() {
  return null;
}
