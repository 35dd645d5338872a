import { PageHeader } from '../../../ui/PageHeader';

// Placeholder wired into the router before the screen is built (issue 5).
export function EngagementPage() {
  return <PageHeader title="Engagement" />;
}
