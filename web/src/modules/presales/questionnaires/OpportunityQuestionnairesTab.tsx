/** Placeholder until the tab is built (issue 16). */
export function OpportunityQuestionnairesTab({ opportunityId }: { opportunityId: string }) {
  return <div data-opportunity={opportunityId} />;
}
