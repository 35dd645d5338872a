import { Stack, Title } from '@mantine/core';
import { PortalBusinessReviewsSection } from './PortalBusinessReviewsSection';
import { PortalSuccessPlansSection } from './PortalSuccessPlansSection';

/** /portal/success: the success plan the account team shares with the customer, and the business reviews sent to them. */
export function PortalSuccessPage() {
  return (
    <Stack gap="lg">
      <Title order={2}>Our plan and reviews</Title>
      <PortalSuccessPlansSection />
      <PortalBusinessReviewsSection />
    </Stack>
  );
}
