import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where attachments live and how big they may be (see README, "E-mail"). */
export interface AttachmentSettings {
  /** The data folder; files go to `<dataDir>/attachments/<yyyy>/<mm>/<id>`. */
  dataDir: string;
  maxBytes: number;
}

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export function attachmentSettings(env: NodeJS.ProcessEnv = process.env): AttachmentSettings {
  const max = Number(env.OUTPOST_MAX_ATTACHMENT_BYTES);
  return {
    dataDir: path.resolve(env.OUTPOST_DATA_DIR || 'data'),
    maxBytes: Number.isFinite(max) && max > 0 ? max : DEFAULT_MAX_ATTACHMENT_BYTES,
  };
}

/** The stored path of a new file, relative to the data folder, so the folder can move. */
export function storagePathFor(id: string, at: Date): string {
  const yyyy = String(at.getUTCFullYear());
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  return path.posix.join('attachments', yyyy, mm, id);
}

export function sha256Of(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Writes a new file; never overwrites one (ids are unique, so an existing file is a bug). */
export async function writeStoredFile(dataDir: string, storagePath: string, content: Uint8Array): Promise<void> {
  const full = path.join(dataDir, storagePath);
  await fs.mkdir(path.dirname(full), { recursive: true });
  await fs.writeFile(full, content, { flag: 'wx' });
}

export async function removeStoredFile(dataDir: string, storagePath: string): Promise<void> {
  await fs.rm(path.join(dataDir, storagePath), { force: true });
}

export function fullPathOf(dataDir: string, storagePath: string): string {
  return path.join(dataDir, storagePath);
}
