// Placeholder wired into its page before the card is built (issue 5).
export function AccountEnvironmentsCard(_props: { accountId: string }) {
  return null;
}
