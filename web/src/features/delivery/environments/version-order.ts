/**
 * The server's version comparison (src/modules/delivery/environments/version-compare.ts), enough
 * for the matrix to put an environment under its release column: 5.2 and 5.2.0 are one version.
 */
export function compareVersionText(a: string, b: string): number {
  const [coreA = '', preA = ''] = a.split('-', 2);
  const [coreB = '', preB = ''] = b.split('-', 2);
  const x = coreA.split('.').map(Number);
  const y = coreB.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (preA === preB) return 0;
  if (!preA) return 1;
  if (!preB) return -1;
  return preA < preB ? -1 : 1;
}
