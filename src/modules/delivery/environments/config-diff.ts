/** What changed between two configurations, key path by key path (arrays compared as values). */
export interface ConfigChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The changes from `before` to `after`. Nested objects are walked so a reader sees
 * `database.pool.max: 20 → 40` rather than a whole replaced block; paths are dotted, sorted.
 */
export function configDiff(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    const inBefore = Object.prototype.hasOwnProperty.call(before, key);
    const inAfter = Object.prototype.hasOwnProperty.call(after, key);
    const a = before[key];
    const b = after[key];
    if (!inBefore) changes.push({ path, kind: 'added', before: null, after: b });
    else if (!inAfter) changes.push({ path, kind: 'removed', before: a, after: null });
    else if (isPlainObject(a) && isPlainObject(b)) changes.push(...configDiff(a, b, path));
    else if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ path, kind: 'changed', before: a, after: b });
  }
  return changes;
}

/** Reading typed configuration text belongs to the contract (its zod schema parses with it). */
export { parseConfiguration } from '../contract/configuration.js';
