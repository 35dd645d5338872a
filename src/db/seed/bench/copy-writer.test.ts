import { describe, expect, it } from 'vitest';
import { copyField, copyText } from './copy-writer.js';

describe('COPY text for the bench load', () => {
  it('escapes the characters that delimit fields and rows, and the escape itself', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('C:\\logs\\n')).toBe('C:\\\\logs\\\\n');
  });

  it('writes null as \\N and an empty string as nothing', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('')).toBe('');
    expect(copyField('\\N')).toBe('\\\\N');
  });

  it('sends numbers, booleans and dates as a bound parameter would', () => {
    expect(copyField(42)).toBe('42');
    expect(copyField(0.5)).toBe('0.5');
    expect(copyField(true)).toBe('true');
    expect(copyField(new Date('2026-11-25T12:00:00Z'))).toBe('2026-11-25T12:00:00.000Z');
  });

  it('keeps JSON text as it is, escaping only its newlines and backslashes', () => {
    const json = JSON.stringify({ note: 'line one\nline "two"', path: 'a\\b' });
    expect(copyField(json)).toBe(json.replace(/\\/g, '\\\\'));
  });

  it('writes arrays as PostgreSQL array literals and bytes as hex', () => {
    expect(copyField(['a', 'b "c"', null])).toBe('{"a","b \\\\"c\\\\"",NULL}');
    expect(copyField(Buffer.from([0xde, 0xad]))).toBe('\\\\xdead');
  });

  it('writes one line per row, fields in the given column order, and refuses a row missing a column', () => {
    const rows = [
      { id: 'a', body: 'x\ty', n: 1 },
      { id: 'b', body: null, n: 2 },
    ];
    expect([...copyText(['id', 'body', 'n'], rows)].join('')).toBe('a\tx\\ty\t1\nb\t\\N\t2\n');
    expect(() => [...copyText(['id', 'body', 'n'], [{ id: 'c', body: 'z' }])]).toThrow(/columns/);
  });
});
