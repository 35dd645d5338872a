/** How big a collateral file may be: 25 MiB unless OUTPOST_MAX_COLLATERAL_BYTES says otherwise. */
export const DEFAULT_MAX_COLLATERAL_BYTES = 25 * 1024 * 1024;

export function collateralMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const max = Number(env.OUTPOST_MAX_COLLATERAL_BYTES);
  return Number.isFinite(max) && max > 0 ? Math.floor(max) : DEFAULT_MAX_COLLATERAL_BYTES;
}
