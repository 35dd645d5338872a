import JSZip from 'jszip';
import { COLLATERAL_FILE_TYPES, type CollateralExtension } from '../contract/collateral.js';

/**
 * Which files may be collateral, decided from the file name's extension and the first bytes.
 * Browsers declare types unevenly (a .md arrives as text/markdown, text/x-markdown,
 * application/octet-stream or nothing, depending on the system), so the extension names the type
 * and the content must prove it; the declared type is only reported back when a file is refused.
 * No I/O: tested with plain buffers.
 */

export type FileVerdict =
  { ok: true; contentType: string; extension: CollateralExtension } | { ok: false; reason: string; detected: string | null };

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const startsWith = (bytes: Uint8Array, prefix: number[], offset = 0) => prefix.every((b, i) => bytes[offset + i] === b);

/** What the first bytes show: a known format, 'program' for executables and scripts, 'text', or null. */
export function sniffContent(bytes: Uint8Array): 'pdf' | 'zip' | 'png' | 'jpeg' | 'program' | 'text' | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  // Windows PE, ELF, Mach-O (both byte orders, 32/64 bit and universal; Java classes share 0xcafebabe).
  if (
    // A DOS/PE header has NUL bytes early on, which keeps a text starting with "MZ" text.
    (startsWith(bytes, ascii('MZ')) && bytes.subarray(0, 64).includes(0)) ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    [
      [0xfe, 0xed, 0xfa, 0xce],
      [0xfe, 0xed, 0xfa, 0xcf],
      [0xce, 0xfa, 0xed, 0xfe],
      [0xcf, 0xfa, 0xed, 0xfe],
      [0xca, 0xfe, 0xba, 0xbe],
    ].some((m) => startsWith(bytes, m)) ||
    // A script that runs when made executable: "#!/bin/sh" and friends.
    startsWith(bytes, ascii('#!'))
  ) {
    return 'program';
  }
  return looksLikeText(bytes) ? 'text' : null;
}

/** UTF-8 text without NUL bytes (a byte-order mark is fine); the first 64 KiB decide. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 65536);
  if (head.includes(0)) return false;
  // A multi-byte character cut at the boundary is not a reason to refuse.
  const trimmed = head.length === 65536 ? head.subarray(0, 65532) : head;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimmed);
    return true;
  } catch {
    return false;
  }
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

/** The part every Office Open XML document of a kind has: a renamed zip without it is not one. */
const OFFICE_MAIN_PART: Partial<Record<CollateralExtension, string>> = {
  docx: 'word/document.xml',
  pptx: 'ppt/presentation.xml',
  xlsx: 'xl/workbook.xml',
};

const EXPECTED: Record<CollateralExtension, ReturnType<typeof sniffContent>> = {
  pdf: 'pdf',
  docx: 'zip',
  pptx: 'zip',
  xlsx: 'zip',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  md: 'text',
  markdown: 'text',
  txt: 'text',
};

const isAllowed = (ext: string): ext is CollateralExtension => Object.hasOwn(COLLATERAL_FILE_TYPES, ext);

/**
 * Decides whether a file may be collateral and under which content type: its extension must be
 * on the list, its first bytes must be that format (a renamed program is refused as one), and an
 * Office file must be a zip holding that application's main part.
 */
export async function checkCollateralFile(filename: string, content: Uint8Array): Promise<FileVerdict> {
  const ext = extensionOf(filename);
  const detected = sniffContent(content);
  const refuse = (reason: string): FileVerdict => ({ ok: false, reason, detected });
  if (detected === 'program') return refuse('the content is a program or script');
  if (!ext) return refuse('the file name has no extension');
  if (!isAllowed(ext)) return refuse(`.${ext} files are not accepted`);
  if (detected !== EXPECTED[ext]) return refuse(`the content is not a .${ext} file`);
  const mainPart = OFFICE_MAIN_PART[ext];
  if (mainPart) {
    try {
      // Reads the zip's directory only; no entry is inflated.
      const zip = await JSZip.loadAsync(content);
      if (!zip.file(mainPart)) return refuse(`the zip is not a .${ext} document`);
    } catch {
      return refuse(`the .${ext} file is damaged`);
    }
  }
  return { ok: true, contentType: COLLATERAL_FILE_TYPES[ext], extension: ext };
}

/** A file name safe to store and to hand back in Content-Disposition: no folders, no control characters, no quotes. */
export function cleanFilename(name: string | null | undefined, fallback = 'collateral'): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(-200);
  return clean && !/^\.+$/.test(clean) ? clean : fallback;
}

/** `filename*` (RFC 6266 / 5987) carries any name; the plain `filename` is an ASCII fallback. */
export function contentDisposition(filename: string): string {
  const asciiName = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
