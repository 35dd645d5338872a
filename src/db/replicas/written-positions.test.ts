import { describe, expect, it } from 'vitest';
import { WrittenPositions } from './written-positions.js';

describe('the positions principals wrote at, on this node', () => {
  it('remembers the latest position per principal until it expires', () => {
    const positions = new WrittenPositions(60_000);
    positions.note('member:a', 100n, 0);
    positions.note('token:t', 50n, 0);
    expect(positions.latest('member:a', 1_000)).toBe(100n);
    expect(positions.latest('token:t', 1_000)).toBe(50n);
    expect(positions.latest('member:b', 1_000)).toBeNull();
    expect(positions.latest('member:a', 60_000)).toBeNull();
  });

  it('never moves a principal back to an older position (two requests answering out of order)', () => {
    const positions = new WrittenPositions(60_000);
    positions.note('member:a', 200n, 0);
    positions.note('member:a', 150n, 10);
    expect(positions.latest('member:a', 20)).toBe(200n);
    positions.note('member:a', 300n, 30);
    expect(positions.latest('member:a', 40)).toBe(300n);
  });

  it('drops the oldest principal when full', () => {
    const positions = new WrittenPositions(60_000, 2);
    positions.note('a', 1n, 0);
    positions.note('b', 2n, 0);
    positions.note('a', 3n, 1);
    positions.note('c', 4n, 2);
    expect(positions.size).toBe(2);
    expect(positions.latest('b', 3)).toBeNull();
    expect(positions.latest('a', 3)).toBe(3n);
    expect(positions.latest('c', 3)).toBe(4n);
  });
});
