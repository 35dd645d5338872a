import type { SeededRandom } from '../random.js';

/**
 * UUIDv7-shaped ids from a seeded generator: the time part is the record's own creation time (so
 * ids sort by time, as `newId()`'s do, and B-tree inserts stay local), the rest comes from `rnd`,
 * so the same seed writes the same ids on every machine.
 */
export function seededUuidV7(rnd: SeededRandom, atMs: number): string {
  const time = Math.max(0, Math.floor(atMs)).toString(16).padStart(12, '0').slice(-12);
  const word = () =>
    Math.floor(rnd.next() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  const variant = (0x8000 | Math.floor(rnd.next() * 0x4000)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${word().slice(1)}-${variant}-${word()}${word()}${word()}`;
}
