export function AccountRenewalCard(_: { accountId: string }) {
  return null;
}
