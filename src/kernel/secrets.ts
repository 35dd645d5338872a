import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random secret of `bytes` bytes. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session ids and API tokens are high-entropy, so a plain SHA-256 is the right stored form. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
