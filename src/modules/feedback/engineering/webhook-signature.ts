import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Inbound webhook checks, pure: GitHub signs the raw body with HMAC-SHA256 of the shared secret
 * (`X-Hub-Signature-256: sha256=<hex>`); Jira presents the shared secret itself. Both compare in
 * constant time, so a caller cannot learn the secret byte by byte from response times.
 */

export function githubSignatureValid(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function sharedSecretValid(secret: string, given: string | undefined): boolean {
  if (!given) return false;
  // Hash both sides first: timingSafeEqual needs equal lengths, and the lengths must not leak either.
  const a = createHmac('sha256', 'outpost').update(secret).digest();
  const b = createHmac('sha256', 'outpost').update(given).digest();
  return timingSafeEqual(a, b);
}
