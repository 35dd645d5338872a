/** Placeholder until the tab is built (issue 16). */
export function SolutionDesignTab({ opportunityId }: { opportunityId: string }) {
  return <div data-opportunity={opportunityId} />;
}
