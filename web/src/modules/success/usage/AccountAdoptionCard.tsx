export function AccountAdoptionCard(_: { accountId: string }) {
  return null;
}
