export function AccountHealthCard(_: { accountId: string }) {
  return null;
}
