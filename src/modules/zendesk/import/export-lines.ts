import fs from 'node:fs';

/** One line of an export file and where it sits, so a second pass can read it again by offset. */
export interface ExportLine {
  text: string;
  offset: number;
  length: number;
}

const NEWLINE = 0x0a;

/**
 * Streams a file line by line with each line's byte offset. node:readline hides offsets, which the
 * comment index needs to fetch a ticket's comments later without holding millions of them in memory.
 */
export async function* exportLines(file: string): AsyncGenerator<ExportLine> {
  let carry: Buffer | null = null;
  let carryOffset = 0;
  let position = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    let newline = chunk.indexOf(NEWLINE, start);
    while (newline !== -1) {
      const piece = chunk.subarray(start, newline);
      const bytes: Buffer = carry ? Buffer.concat([carry, piece]) : piece;
      const offset = carry ? carryOffset : position + start;
      carry = null;
      yield { text: bytes.toString('utf8'), offset, length: bytes.length };
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      if (carry) carry = Buffer.concat([carry, rest]);
      else {
        carry = Buffer.from(rest);
        carryOffset = position + start;
      }
    }
    position += chunk.length;
  }
  if (carry && carry.length) yield { text: carry.toString('utf8'), offset: carryOffset, length: carry.length };
}

/** Reads `length` bytes at `offset`: one line found by an earlier pass. */
export async function readLineAt(handle: fs.promises.FileHandle, offset: number, length: number): Promise<string> {
  const buffer = Buffer.alloc(length);
  await handle.read(buffer, 0, length, offset);
  return buffer.toString('utf8');
}
