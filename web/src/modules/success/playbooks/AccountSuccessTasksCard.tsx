export function AccountSuccessTasksCard(_: { accountId: string }) {
  return null;
}
