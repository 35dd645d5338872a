/**
 * Snippets reach the browser as HTML with only one tag, <mark>. The engines mark matches with two
 * control characters that indexed text never contains (they are stripped on the way in); every
 * other character is escaped, so stored text (a pasted <script>, an article's raw HTML) can never
 * become markup.
 */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const MARKERS = /([\u0001\u0002])/;

/** Text as it may be indexed: without the control characters used as markers and separators. */
export function indexableText(text: string | null | undefined): string {
  return (text ?? '').replace(CONTROL, ' ');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escaped HTML with each marked stretch wrapped in <mark>…</mark>. */
export function markedToHtml(marked: string): string {
  let html = '';
  let open = false;
  for (const part of marked.split(MARKERS)) {
    if (part === MARK_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === MARK_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part.replace(CONTROL, ''));
    }
  }
  return open ? `${html}</mark>` : html;
}
