/** Placeholder until the tab is built (issue 16). */
export function OpportunityPocsTab({ opportunityId }: { opportunityId: string }) {
  return <div data-opportunity={opportunityId} />;
}
