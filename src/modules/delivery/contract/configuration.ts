/**
 * Reads an environment's configuration the way a person typed it; the contract's `configuration`
 * schema uses it, so it lives here rather than beside the server's diff (environments/config-diff.ts).
 * Returns the object, or the reason it is not one: JSON.parse's own message (which names the
 * position) or the kind of value it found.
 */
export function parseConfiguration(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The configuration is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    return { ok: false, message: `The configuration must be a JSON object ({ … }), not ${kind}` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
