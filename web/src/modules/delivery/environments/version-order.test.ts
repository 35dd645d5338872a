import { describe, expect, it } from 'vitest';
import { compareVersionText } from './version-order';

const sorted = (versions: string[]) => [...versions].sort(compareVersionText);

describe('compareVersionText (release columns of the environment matrix)', () => {
  it('puts an environment on 5.2 under the 5.2.0 release: missing trailing parts are zero', () => {
    expect(compareVersionText('5.2', '5.2.0')).toBe(0);
    expect(compareVersionText('5', '5.0.0.0')).toBe(0);
    expect(compareVersionText('5.2.0.1', '5.2')).toBe(1);
  });

  it('orders by numbers, not as text', () => {
    expect(compareVersionText('5.10', '5.9')).toBe(1);
    expect(compareVersionText('5.9.1', '5.10')).toBe(-1);
    expect(compareVersionText('2025.10.1', '2025.9.30')).toBe(1);
    expect(sorted(['5.10', '4.12', '5.2', '5.9.1'])).toEqual(['4.12', '5.2', '5.9.1', '5.10']);
  });

  it('puts a pre-release before its release but after the previous release', () => {
    expect(compareVersionText('5.3.0-rc.1', '5.3.0')).toBe(-1);
    expect(compareVersionText('5.3.0', '5.3-rc.1')).toBe(1);
    expect(compareVersionText('5.3.0-rc.1', '5.2.9')).toBe(1);
  });

  it('keeps different pre-releases of one version apart and orders them as the server does', () => {
    expect(compareVersionText('5.3.0-rc.1', '5.3-rc.1')).toBe(0);
    expect(compareVersionText('5.3.0-rc.1', '5.3.0-rc.2')).toBe(-1);
    expect(compareVersionText('5.3.0-rc.2', '5.3.0-rc.10')).toBe(-1);
    expect(compareVersionText('5.3.0-alpha', '5.3.0-beta')).toBe(-1);
    expect(compareVersionText('5.3.0-1', '5.3.0-alpha')).toBe(-1);
    expect(compareVersionText('5.3.0-rc', '5.3.0-rc.1')).toBe(-1);
    expect(sorted(['5.3.0', '5.3.0-rc.10', '5.3.0-rc.2', '5.3.0-beta'])).toEqual(['5.3.0-beta', '5.3.0-rc.2', '5.3.0-rc.10', '5.3.0']);
  });
});
