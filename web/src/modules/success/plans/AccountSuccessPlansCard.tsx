export function AccountSuccessPlansCard(_: { accountId: string }) {
  return null;
}
