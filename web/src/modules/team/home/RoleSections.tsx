import type { ReactNode } from 'react';
import { SimpleGrid } from '@mantine/core';
import { sectionsFor, type SectionId } from './sections-by-role';
import { AccountEscalationsSection } from './sections/AccountEscalationsSection';
import { AccountHealthSection } from './sections/AccountHealthSection';
import { BudgetBurnSection } from './sections/BudgetBurnSection';
import { DealSupportSection } from './sections/DealSupportSection';
import { DesignsInProgressSection } from './sections/DesignsInProgressSection';
import { EngineeringIssuesSection } from './sections/EngineeringIssuesSection';
import { EnvironmentsBehindSection } from './sections/EnvironmentsBehindSection';
import { FeedbackLoggedSection } from './sections/FeedbackLoggedSection';
import { MyEngagementsSection } from './sections/MyEngagementsSection';
import { QuestionnairesDueSection } from './sections/QuestionnairesDueSection';
import { RankedRequestsSection } from './sections/RankedRequestsSection';
import { RequirementsToAssessSection } from './sections/RequirementsToAssessSection';
import { ReviewsRenewalsSection } from './sections/ReviewsRenewalsSection';
import { RunbooksSection } from './sections/RunbooksSection';
import { StrategicAccountsSection } from './sections/StrategicAccountsSection';
import { TasksDueSection } from './sections/TasksDueSection';
import { TeamTimeSection } from './sections/TeamTimeSection';
import { TicketQueueSection } from './sections/TicketQueueSection';
import { VisitsThisWeekSection } from './sections/VisitsThisWeekSection';

function render(id: SectionId, memberId: string): ReactNode {
  switch (id) {
    case 'my-queue':
      return (
        <TicketQueueSection
          title="My queue"
          viewId="view-mine"
          emptyTitle="Your queue is clear"
          emptyDescription="Cases assigned to you show here, nearest SLA due first. Pick one up from the unassigned queue."
        />
      );
    case 'unassigned-queue':
      return (
        <TicketQueueSection
          title="Waiting to be picked up"
          viewId="view-tier1-unassigned"
          emptyTitle="Nothing waiting"
          emptyDescription="New Tier 1 cases nobody has taken yet show here, nearest SLA due first."
        />
      );
    case 'escalations-in':
      return (
        <TicketQueueSection
          title="Escalations in"
          viewId="view-tier2"
          emptyTitle="No escalations waiting"
          emptyDescription="Cases Tier 1 or an escalation rule sends to Tier 2 show here, nearest SLA due first."
        />
      );
    case 'runbooks':
      return <RunbooksSection />;
    case 'my-engagements':
      return <MyEngagementsSection memberId={memberId} />;
    case 'tasks-due':
      return <TasksDueSection />;
    case 'environments-behind':
      return <EnvironmentsBehindSection memberId={memberId} />;
    case 'budget-burn':
      return <BudgetBurnSection memberId={memberId} />;
    case 'visits-this-week':
      return <VisitsThisWeekSection />;
    case 'strategic-accounts':
      return <StrategicAccountsSection memberId={memberId} />;
    case 'feedback-logged':
      return <FeedbackLoggedSection memberId={memberId} />;
    case 'requirements-to-assess':
      return <RequirementsToAssessSection memberId={memberId} />;
    case 'designs-in-progress':
      return <DesignsInProgressSection memberId={memberId} />;
    case 'deal-support':
      return <DealSupportSection />;
    case 'pocs':
      return <MyEngagementsSection memberId={memberId} kind="proof_of_concept" title="Proofs of concept" />;
    case 'questionnaires-due':
      return <QuestionnairesDueSection memberId={memberId} />;
    case 'account-health':
      return <AccountHealthSection memberId={memberId} />;
    case 'account-escalations':
      return <AccountEscalationsSection memberId={memberId} />;
    case 'reviews-renewals':
      return <ReviewsRenewalsSection memberId={memberId} />;
    case 'ranked-requests':
      return <RankedRequestsSection />;
    case 'engineering-issues':
      return <EngineeringIssuesSection />;
    case 'team-time':
      return <TeamTimeSection />;
  }
}

/** The member's key responsibilities, a card per section, for every role they hold. */
export function RoleSections({ memberId, roles }: { memberId: string; roles: readonly string[] }) {
  const ids = sectionsFor(roles);
  if (ids.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
      {ids.map((id) => (
        <div key={id} style={{ minWidth: 0 }}>
          {render(id, memberId)}
        </div>
      ))}
    </SimpleGrid>
  );
}
