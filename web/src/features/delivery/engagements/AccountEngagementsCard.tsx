// Placeholder wired into its page before the card is built (issue 5).
export function AccountEngagementsCard(_props: { accountId: string }) {
  return null;
}
