import { describe, expect, it } from 'vitest';
import { configDiff, parseConfiguration } from './config-diff.js';
import { compareVersions, isVersion, sortVersionsDescending, versionsBehind } from './version-compare.js';

describe('release version comparison', () => {
  it('orders versions by their numbers, not as text', () => {
    expect(compareVersions('5.10', '5.9')).toBe(1);
    expect(compareVersions('5.9.1', '5.10')).toBe(-1);
    expect(compareVersions('10.0', '9.99.99')).toBe(1);
    expect(compareVersions('2025.10.1', '2025.9.30')).toBe(1);
  });

  it('treats missing trailing parts as zero', () => {
    expect(compareVersions('5.2', '5.2.0')).toBe(0);
    expect(compareVersions('5', '5.0.0.0')).toBe(0);
    expect(compareVersions('5.2.0.1', '5.2')).toBe(1);
  });

  it('puts a pre-release before its release and orders pre-release labels part by part', () => {
    expect(compareVersions('5.3.0-rc.1', '5.3.0')).toBe(-1);
    expect(compareVersions('5.3.0-rc.1', '5.2.9')).toBe(1);
    expect(compareVersions('5.3.0-rc.2', '5.3.0-rc.10')).toBe(-1);
    expect(compareVersions('5.3.0-alpha', '5.3.0-beta')).toBe(-1);
    expect(compareVersions('5.3.0-1', '5.3.0-alpha')).toBe(-1);
    expect(compareVersions('5.3.0-rc', '5.3.0-rc.1')).toBe(-1);
  });

  it('accepts semver-ish versions and refuses anything else', () => {
    expect(['5', '5.2', '5.2.1', '2025.10.1.7', '5.3.0-rc.1'].every(isVersion)).toBe(true);
    expect(['v5.2', '5.2.', '5..2', 'latest', '5.2.1.0.1', '5.2-', ''].some(isVersion)).toBe(false);
  });

  it('sorts newest first', () => {
    expect(sortVersionsDescending(['5.2', '5.10', '5.9.1', '5.10.0-rc.1', '4.12'], (v) => v)).toEqual([
      '5.10',
      '5.10.0-rc.1',
      '5.9.1',
      '5.2',
      '4.12',
    ]);
  });

  it('counts versions behind as the catalogue releases newer than the version', () => {
    const catalogue = ['4.12', '5.0', '5.1', '5.2', '5.2.1'];
    expect(versionsBehind('5.2.1', catalogue)).toBe(0);
    expect(versionsBehind('5.2', catalogue)).toBe(1);
    expect(versionsBehind('5.2.0', catalogue)).toBe(1);
    expect(versionsBehind('4.12', catalogue)).toBe(4);
    expect(versionsBehind('4.0', catalogue)).toBe(5);
    expect(versionsBehind('6.0', catalogue)).toBe(0);
    expect(versionsBehind('5.0', [])).toBe(0);
  });
});

describe('configuration diff and parsing', () => {
  it('lists added, removed and changed keys by dotted path, walking nested objects', () => {
    const before = { sso: { provider: 'okta', enforce: false }, pool: 20, features: ['a'], legacy: true };
    const after = { sso: { provider: 'okta', enforce: true }, pool: 40, features: ['a', 'b'], region: 'eu' };
    expect(configDiff(before, after)).toEqual([
      { path: 'features', kind: 'changed', before: ['a'], after: ['a', 'b'] },
      { path: 'legacy', kind: 'removed', before: true, after: null },
      { path: 'pool', kind: 'changed', before: 20, after: 40 },
      { path: 'region', kind: 'added', before: null, after: 'eu' },
      { path: 'sso.enforce', kind: 'changed', before: false, after: true },
    ]);
    expect(configDiff(after, after)).toEqual([]);
  });

  it('says why a text is not a configuration', () => {
    const broken = parseConfiguration('{"pool": 20,');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/^The configuration is not valid JSON: /);
    const list = parseConfiguration('[1, 2]');
    expect(!list.ok && list.message).toBe('The configuration must be a JSON object ({ … }), not an array');
    expect(!parseConfiguration('null').ok && (parseConfiguration('null') as { message: string }).message).toContain('not null');
    expect(parseConfiguration('{"pool": 20}')).toEqual({ ok: true, value: { pool: 20 } });
  });
});
