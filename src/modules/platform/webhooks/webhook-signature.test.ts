import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  const body = '{"type":"ticket.created"}';

  it('verifies a signature made with the same secret over the same body and time', () => {
    const header = signPayload('whsec_a', 1_700_000_000, body);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_a', header, body, 1_700_000_010)).toBe(true);
  });

  it('refuses another secret, a changed body, or a replay outside the tolerance', () => {
    const header = signPayload('whsec_a', 1_700_000_000, body);
    expect(verifySignature('whsec_b', header, body, 1_700_000_000)).toBe(false);
    expect(verifySignature('whsec_a', header, body.replace('created', 'deleted'), 1_700_000_000)).toBe(false);
    expect(verifySignature('whsec_a', header, body, 1_700_000_000 + 301)).toBe(false);
    expect(verifySignature('whsec_a', 'garbage', body, 1_700_000_000)).toBe(false);
  });
});
