import type { ReactNode } from 'react';
import { Anchor, Box, Code, List, Text, Title } from '@mantine/core';

/**
 * A small, safe Markdown renderer for knowledge-base articles: headings, paragraphs, lists, fenced
 * code, inline code, bold, italics, links (http and https only) and `<details>` blocks with a
 * `<summary>` (how an article drafted from a ticket keeps its internal notes). It builds React
 * elements from the text; no part of the source is ever inserted as HTML.
 */
export function Markdown({ source }: { source: string }) {
  return <Box className="outpost-markdown">{blocks(source.replace(/\r\n?/g, '\n').split('\n'))}</Box>;
}

const BULLET = /^\s*([-*+]|\d+[.)])\s+/;
const BLOCK_START = /^(#{1,6}\s|\s*(```|~~~)|\s*([-*+]|\d+[.)])\s+|\s*<\/?details>|\s*<summary>)/i;

function blocks(lines: string[]): ReactNode[] {
  const out: ReactNode[] = [];
  let i = 0;
  const key = () => `b${out.length}`;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      i++;
      continue;
    }

    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(fence[1] ?? '```')) body.push(lines[i++] ?? '');
      i++;
      out.push(
        <Code block key={key()} my="sm">
          {body.join('\n')}
        </Code>,
      );
      continue;
    }

    if (/^\s*<details>\s*$/i.test(line)) {
      // Collect up to the matching </details>, nesting included.
      const inner: string[] = [];
      let depth = 1;
      i++;
      while (i < lines.length) {
        const current = lines[i] ?? '';
        if (/^\s*<details>\s*$/i.test(current)) depth++;
        if (/^\s*<\/details>\s*$/i.test(current) && --depth === 0) break;
        inner.push(current);
        i++;
      }
      i++;
      const summaryAt = inner.findIndex((l) => /^\s*<summary>.*<\/summary>\s*$/i.test(l));
      const summary = summaryAt >= 0 ? (inner[summaryAt] ?? '').replace(/^\s*<summary>/i, '').replace(/<\/summary>\s*$/i, '') : 'Details';
      if (summaryAt >= 0) inner.splice(summaryAt, 1);
      out.push(
        <Box
          component="details"
          key={key()}
          my="sm"
          p="sm"
          style={{
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 'var(--mantine-radius-md)',
            background: 'var(--mantine-color-gray-0)',
          }}
        >
          <Box component="summary" fw={600} fz="sm" style={{ cursor: 'pointer' }}>
            {inline(summary)}
          </Box>
          {blocks(inner)}
        </Box>,
      );
      continue;
    }

    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      // An article's own title is the page's h2, so its sections start at h3.
      const level = Math.min(6, (heading[1]?.length ?? 1) + 2) as 3 | 4 | 5 | 6;
      out.push(
        <Title key={key()} order={level} mt="md" mb="xs">
          {inline(heading[2] ?? '')}
        </Title>,
      );
      i++;
      continue;
    }

    if (BULLET.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      while (i < lines.length && (BULLET.test(lines[i] ?? '') || (/^\s{2,}\S/.test(lines[i] ?? '') && items.length > 0))) {
        const current = lines[i++] ?? '';
        if (BULLET.test(current)) items.push(current.replace(BULLET, ''));
        else items[items.length - 1] += ` ${current.trim()}`;
      }
      out.push(
        <List key={key()} type={ordered ? 'ordered' : 'unordered'} my="sm" spacing={4} size="sm" withPadding>
          {items.map((item, n) => (
            <List.Item key={n}>{inline(item)}</List.Item>
          ))}
        </List>,
      );
      continue;
    }

    // A stray HTML-looking line (an unmatched </details>, say) is shown as text, never as markup.
    const paragraph: string[] = [line.trim()];
    i++;
    while (i < lines.length && (lines[i] ?? '').trim() && !BLOCK_START.test(lines[i] ?? '')) paragraph.push((lines[i++] ?? '').trim());
    out.push(
      <Text key={key()} size="sm" my="sm" style={{ overflowWrap: 'anywhere' }}>
        {inline(paragraph.join(' '))}
      </Text>,
    );
  }
  return out;
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*|__[^_]+__)|(\*[^*\s][^*]*\*|\b_[^_\s][^_]*_\b)|(\[[^\]]+\]\([^)\s]+\))/;

/** Only absolute http(s) links survive; anything else (javascript:, data:, relative) stays text. */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) {
      out.push(rest);
      break;
    }
    if (match.index > 0) out.push(rest.slice(0, match.index));
    const token = match[0];
    const k = `i${out.length}`;
    if (match[1]) out.push(<Code key={k}>{token.slice(1, -1)}</Code>);
    else if (match[2]) out.push(<strong key={k}>{inline(token.slice(2, -2))}</strong>);
    else if (match[3]) out.push(<em key={k}>{inline(token.slice(1, -1))}</em>);
    else {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token);
      const label = link?.[1] ?? token;
      const href = safeHref(link?.[2] ?? '');
      out.push(
        href ? (
          <Anchor key={k} href={href} target="_blank" rel="noreferrer noopener">
            {label}
          </Anchor>
        ) : (
          label
        ),
      );
    }
    rest = rest.slice(match.index + token.length);
  }
  return out;
}
