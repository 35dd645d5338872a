/**
 * What mailparser decodes silently but wrongly: a charset it does not know (it falls back to
 * replacement characters), base64 with characters outside the alphabet (they are dropped) and
 * quoted-printable with `=` escapes that are not hex (they are kept as text). It reports none of
 * these, so the raw MIME tree is walked here — headers and bodies only, no decoding — and each
 * finding is named; a mail with any finding goes to quarantine instead of becoming a ticket.
 */

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

const MAX_PARTS = 1000;

function splitPart(text: string): MimePart {
  const end = /\r?\n\r?\n/.exec(text);
  const head = end ? text.slice(0, end.index) : text;
  const body = end ? text.slice(end.index + end[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function param(value: string | undefined, name: string): string | null {
  const match = value ? new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value) : null;
  return match ? (match[1] ?? match[2] ?? '').trim() : null;
}

function leaves(text: string, out: MimePart[], depth = 0): void {
  if (out.length >= MAX_PARTS || depth > 20) return;
  const part = splitPart(text);
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /^multipart\//i.test(type) ? param(type, 'boundary') : null;
  if (!boundary) {
    out.push(part);
    return;
  }
  const delimiter = `--${boundary}`;
  const lines = part.body.split(/\r?\n/);
  let current: string[] | null = null;
  for (const line of lines) {
    if (line.startsWith(delimiter)) {
      if (current) leaves(current.join('\r\n'), out, depth + 1);
      if (line.startsWith(`${delimiter}--`)) break;
      current = [];
    } else if (current) current.push(line);
  }
}

function charsetKnown(charset: string): boolean {
  try {
    new TextDecoder(charset);
    return true;
  } catch {
    return false;
  }
}

/** The problems found in the raw message's parts; empty when it decodes cleanly. */
export function decodeProblems(raw: Buffer): string[] {
  const parts: MimePart[] = [];
  leaves(raw.toString('latin1'), parts);
  const problems = new Set<string>();
  for (const part of parts) {
    const type = part.headers.get('content-type') ?? 'text/plain';
    const charset = param(type, 'charset');
    if (charset && /^text\//i.test(type) && !charsetKnown(charset)) problems.add(`unknown charset "${charset.slice(0, 60)}"`);
    const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
    if (encoding === 'base64' && /[^A-Za-z0-9+/=\s]/.test(part.body)) problems.add('broken base64');
    if (encoding === 'quoted-printable' && /=(?![0-9A-Fa-f]{2}|[ \t]*\r?\n|[ \t]*$)/.test(part.body))
      problems.add('broken quoted-printable');
  }
  return [...problems];
}
