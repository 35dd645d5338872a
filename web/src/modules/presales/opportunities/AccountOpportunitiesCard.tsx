/** Placeholder until the card is built (issue 16): the account's opportunities. */
export function AccountOpportunitiesCard({ accountId }: { accountId: string }) {
  return <div data-account={accountId} />;
}
