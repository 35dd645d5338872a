import { PageHeader } from '../../../ui/PageHeader';

// Placeholder wired into the router before the screen is built (issue 5).
export function TemplatesPage() {
  return <PageHeader title="Engagement templates" />;
}
