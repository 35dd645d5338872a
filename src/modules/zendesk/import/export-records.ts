import fs from 'node:fs';
import { exportLines } from './export-lines.js';

/** A record of an export file, or a line that could not be read (reported, never dropped silently). */
export type ExportRecord<T> = { index: number; record: T } | { index: number; error: string };

/**
 * The records of one export file, in file order, starting after the first `from` (a resumed run's
 * checkpoint). Zendesk's exports come in three shapes and all are read here:
 * - JSON Lines: one record per line (the admin centre's "JSON export" writes this even into `.json`);
 * - pages per line: each line one API page, `{"tickets": [...], "next_page": ...}`;
 * - one pretty-printed JSON document: a page envelope or a bare array (small files such as
 *   groups.json). Only this shape is read whole.
 */
export async function* exportRecords<T>(file: string, key: string, from = 0): AsyncGenerator<ExportRecord<T>> {
  let index = 0;
  let lineNumber = 0;
  for await (const line of exportLines(file)) {
    lineNumber += 1;
    const text = line.text.trim();
    if (!text) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // A first line that is not JSON on its own means a pretty-printed document (or a bad line).
      if (lineNumber === 1) {
        const whole = await wholeDocument(file, key);
        if (whole) {
          for (let i = from; i < whole.length; i++) yield { index: i, record: whole[i] as T };
          return;
        }
      }
      if (index++ >= from) yield { index: index - 1, error: `line ${lineNumber} of ${baseName(file)} is not valid JSON` };
      continue;
    }
    for (const record of recordsOf(value, key)) {
      if (index++ >= from) yield { index: index - 1, record: record as T };
    }
  }
}

/** The records a parsed value holds: the page's `key` array, a bare array, or the object itself. */
export function recordsOf(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const page = (value as Record<string, unknown>)[key];
    if (Array.isArray(page)) return page;
    // A single-record envelope such as {"ticket": {...}}.
    const single = (value as Record<string, unknown>)[key.replace(/s$/, '')];
    if (single && typeof single === 'object' && !Array.isArray(single)) return [single];
    return [value];
  }
  return [];
}

async function wholeDocument(file: string, key: string): Promise<unknown[] | null> {
  try {
    return recordsOf(JSON.parse(await fs.promises.readFile(file, 'utf8')), key);
  } catch {
    return null;
  }
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
