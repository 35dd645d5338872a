/**
 * What a release version looks like, shared by the contract's zod schemas and the server's version
 * comparison (environments/version-compare.ts): dot-separated numbers (5, 5.2, 5.2.1, 2025.10.1)
 * with an optional pre-release after a hyphen (5.3.0-rc.1).
 */
export const VERSION_PATTERN = /^\d{1,9}(\.\d{1,9}){0,3}(-[0-9A-Za-z]+(\.[0-9A-Za-z]+)*)?$/;

export function isVersion(text: string): boolean {
  return VERSION_PATTERN.test(text);
}
