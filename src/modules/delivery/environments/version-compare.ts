/**
 * Release versions are "semver-ish": dot-separated numbers (5, 5.2, 5.2.1, 2025.10.1) with an
 * optional pre-release after a hyphen (5.3.0-rc.1). Missing trailing parts count as zero, so 5.2
 * and 5.2.0 are the same version; a pre-release sorts before its release, and pre-release labels
 * compare part by part (numbers numerically, below words), as semver 2.0 §11 orders them.
 */
// What a version looks like is the contract's (its zod schemas validate with it).
export { VERSION_PATTERN, isVersion } from '../contract/versions.js';

function parse(version: string): { numbers: number[]; pre: string[] } {
  const dash = version.indexOf('-');
  const core = dash === -1 ? version : version.slice(0, dash);
  const pre = dash === -1 ? [] : version.slice(dash + 1).split('.');
  return { numbers: core.split('.').map(Number), pre };
}

function comparePre(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return Math.sign(b.length - a.length); // a release outranks its pre-releases
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) {
      if (Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1;
    } else if (xn !== yn) {
      return xn ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

/** Negative when `a` is older than `b`, positive when newer, 0 when they name the same version. */
export function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.numbers.length, y.numbers.length); i++) {
    const d = (x.numbers[i] ?? 0) - (y.numbers[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return comparePre(x.pre, y.pre);
}

/** Newest first. */
export function sortVersionsDescending<T>(items: readonly T[], versionOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareVersions(versionOf(b), versionOf(a)));
}

/**
 * Versions behind latest: how many catalogue releases of the product are newer than `version`.
 * An environment on the newest release is 0 behind; one on a version missing from the catalogue
 * still counts every newer release. Every release counts, end-of-life ones included.
 */
export function versionsBehind(version: string, catalogue: readonly string[]): number {
  return catalogue.filter((v) => compareVersions(v, version) > 0).length;
}
