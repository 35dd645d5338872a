// Placeholder wired into its page before the card is built (issue 5).
export function StatusReportsCard(_props: { engagementId: string }) {
  return null;
}
