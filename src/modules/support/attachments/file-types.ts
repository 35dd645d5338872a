/**
 * Which files may be attached, decided from the declared type, the file name's extension and the
 * first bytes of the content. Pure: no I/O, tested with plain buffers.
 */

/** How the content of a type is recognised from its first bytes. */
type Signature = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'tiff' | 'pdf' | 'zip' | 'gzip' | 'ole' | 'text';

interface AllowedType {
  signature: Signature;
  extensions: string[];
}

const ZIP_OFFICE = (ext: string): AllowedType => ({ signature: 'zip', extensions: [ext] });
const OLE_OFFICE = (ext: string): AllowedType => ({ signature: 'ole', extensions: [ext] });

/** The allow-list: content type → how its content looks and the extensions it goes by. */
export const ALLOWED_TYPES: Record<string, AllowedType> = {
  'image/png': { signature: 'png', extensions: ['png'] },
  'image/jpeg': { signature: 'jpeg', extensions: ['jpg', 'jpeg'] },
  'image/gif': { signature: 'gif', extensions: ['gif'] },
  'image/webp': { signature: 'webp', extensions: ['webp'] },
  'image/bmp': { signature: 'bmp', extensions: ['bmp'] },
  'image/tiff': { signature: 'tiff', extensions: ['tif', 'tiff'] },
  'application/pdf': { signature: 'pdf', extensions: ['pdf'] },
  'text/plain': { signature: 'text', extensions: ['txt', 'log', 'out', 'err', 'conf', 'cfg', 'ini', 'yaml', 'yml', 'md'] },
  'text/csv': { signature: 'text', extensions: ['csv'] },
  'text/markdown': { signature: 'text', extensions: ['md'] },
  'text/x-log': { signature: 'text', extensions: ['log'] },
  'application/json': { signature: 'text', extensions: ['json'] },
  'application/zip': { signature: 'zip', extensions: ['zip'] },
  'application/gzip': { signature: 'gzip', extensions: ['gz', 'tgz'] },
  'application/msword': OLE_OFFICE('doc'),
  'application/vnd.ms-excel': OLE_OFFICE('xls'),
  'application/vnd.ms-powerpoint': OLE_OFFICE('ppt'),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP_OFFICE('docx'),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP_OFFICE('xlsx'),
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ZIP_OFFICE('pptx'),
  'application/vnd.oasis.opendocument.text': ZIP_OFFICE('odt'),
  'application/vnd.oasis.opendocument.spreadsheet': ZIP_OFFICE('ods'),
  'application/vnd.oasis.opendocument.presentation': ZIP_OFFICE('odp'),
};

/** Names clients use for the same types. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-zip-compressed': 'application/zip',
  'application/x-gzip': 'application/gzip',
  'application/x-pdf': 'application/pdf',
  'text/comma-separated-values': 'text/csv',
  'application/csv': 'text/csv',
  'text/json': 'application/json',
};

/** Types that say nothing about the content: the extension decides instead. */
const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

const BY_EXTENSION = new Map<string, string>();
for (const [type, spec] of Object.entries(ALLOWED_TYPES))
  for (const ext of spec.extensions) if (!BY_EXTENSION.has(ext)) BY_EXTENSION.set(ext, type);

function startsWith(bytes: Uint8Array, prefix: number[], offset = 0): boolean {
  return prefix.every((b, i) => bytes[offset + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The signature the first bytes show, 'executable' for programs, or null when none is known. */
export function sniff(bytes: Uint8Array): Signature | 'executable' | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  // BMP's reserved header fields are zero, which also keeps a text starting with "BM" text.
  if (startsWith(bytes, ascii('BM')) && startsWith(bytes, [0, 0, 0, 0], 6)) return 'bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  // Windows PE, ELF and Mach-O (both byte orders, 32/64 bit and universal).
  if (
    (startsWith(bytes, ascii('MZ')) && bytes.subarray(0, 64).includes(0)) ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    [
      [0xfe, 0xed, 0xfa, 0xce],
      [0xfe, 0xed, 0xfa, 0xcf],
      [0xce, 0xfa, 0xed, 0xfe],
      [0xcf, 0xfa, 0xed, 0xfe],
      [0xca, 0xfe, 0xba, 0xbe],
    ].some((m) => startsWith(bytes, m))
  ) {
    return 'executable';
  }
  return looksLikeText(bytes) ? 'text' : null;
}

/** Text has no NUL bytes and decodes as UTF-8 (the first 8 KiB are enough to tell). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return false;
  // A multi-byte character cut at the 8 KiB boundary is not a reason to refuse.
  const trimmed = head.length === 8192 ? head.subarray(0, 8188) : head;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimmed);
    return true;
  } catch {
    return false;
  }
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

export type TypeVerdict = { ok: true; contentType: string } | { ok: false; reason: string; declared: string; detected: string | null };

/**
 * Decides whether a file may be attached and under which content type. The declared type (or,
 * when it is generic, the extension) must be on the allow-list, the extension must not claim
 * another type, and the first bytes must match — a renamed program is refused as a mismatch.
 */
export function checkAttachmentType(filename: string, declaredType: string | null | undefined, content: Uint8Array): TypeVerdict {
  const declaredRaw = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = ALIASES[declaredRaw] ?? declaredRaw;
  const ext = extensionOf(filename);
  const fromExt = ext ? BY_EXTENSION.get(ext) : undefined;
  const type = GENERIC.has(declared) ? fromExt : declared;
  const detected = sniff(content);
  const refuse = (reason: string): TypeVerdict => ({ ok: false, reason, declared: declaredRaw || 'none', detected });
  if (!type || !ALLOWED_TYPES[type]) return refuse(`type ${declaredRaw || ext || 'unknown'} is not allowed`);
  const spec = ALLOWED_TYPES[type];
  if (ext && !spec.extensions.includes(ext) && fromExt !== type) {
    // "report.txt" sent as text/csv is fine (both text); "setup.exe" sent as image/png is not.
    const sameFamily = fromExt && ALLOWED_TYPES[fromExt]!.signature === spec.signature;
    if (!sameFamily) return refuse(`the extension .${ext} does not fit ${type}`);
  }
  if (detected === 'executable') return refuse('the content is a program');
  if (content.length > 0 && detected !== spec.signature) return refuse(`the content is not ${type}`);
  return { ok: true, contentType: type };
}
