/**
 * Where people's browsers reach this Outpost (OUTPOST_PUBLIC_URL): a link in an e-mail must be
 * absolute, while the app itself links by path.
 *
 * @example `${publicBaseUrl()}/portal/updates`
 */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.OUTPOST_PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, '');
}
