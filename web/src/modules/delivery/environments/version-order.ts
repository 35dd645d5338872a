/**
 * The server's version comparison (src/modules/delivery/environments/version-compare.ts), enough
 * for the matrix to put an environment under its release column: 5.2 and 5.2.0 are one version.
 * Pre-release labels compare part by part (numbers numerically, below words), as on the server.
 */
export function compareVersionText(a: string, b: string): number {
  const [coreA, preA] = splitVersion(a);
  const [coreB, preB] = splitVersion(b);
  const x = coreA.split('.').map(Number);
  const y = coreB.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (preA.length === 0 || preB.length === 0) return Math.sign(preB.length - preA.length);
  for (let i = 0; i < Math.max(preA.length, preB.length); i++) {
    const p = preA[i];
    const q = preB[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) {
      if (Number(p) !== Number(q)) return Number(p) < Number(q) ? -1 : 1;
    } else if (pn !== qn) {
      return pn ? -1 : 1;
    } else if (p !== q) {
      return p < q ? -1 : 1;
    }
  }
  return 0;
}

function splitVersion(version: string): [string, string[]] {
  const dash = version.indexOf('-');
  return dash === -1 ? [version, []] : [version.slice(0, dash), version.slice(dash + 1).split('.')];
}
