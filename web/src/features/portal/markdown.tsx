import type { ReactNode } from 'react';
import { Anchor, Blockquote, Code, List, Mark, Text, Title } from '@mantine/core';

/**
 * A small Markdown renderer for help-centre articles: headings, paragraphs, lists, quotes, fenced
 * code, and inline code, bold, italics and links. It builds React elements, never HTML strings,
 * so an article cannot inject markup; links only keep http(s), mailto and same-site targets.
 */
export function MarkdownView({ source }: { source: string }) {
  return <>{blocks(source.replace(/\r\n?/g, '\n'))}</>;
}

function safeHref(href: string): string | null {
  const value = href.trim();
  if (/^(https?:|mailto:)/i.test(value)) return value;
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  if (value.startsWith('#')) return value;
  return null;
}

function blocks(source: string): ReactNode[] {
  const lines = source.split('\n');
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
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(6, (heading[1]?.length ?? 1) + 1) as 2 | 3 | 4 | 5 | 6;
      out.push(
        <Title key={key()} order={level} mt="lg" mb="xs">
          {inline(heading[2] ?? '')}
        </Title>,
      );
      i++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i] ?? '')) quoted.push((lines[i++] ?? '').replace(/^\s*>\s?/, ''));
      out.push(
        <Blockquote key={key()} my="sm" p="sm" color="brand">
          {blocks(quoted.join('\n'))}
        </Blockquote>,
      );
      continue;
    }
    const bullet = /^\s*([-*+]|\d+[.)])\s+/;
    if (bullet.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      while (i < lines.length && (bullet.test(lines[i] ?? '') || (/^\s{2,}\S/.test(lines[i] ?? '') && items.length > 0))) {
        const current = lines[i++] ?? '';
        if (bullet.test(current)) items.push(current.replace(bullet, ''));
        else items[items.length - 1] += ` ${current.trim()}`;
      }
      out.push(
        <List key={key()} type={ordered ? 'ordered' : 'unordered'} my="sm" spacing={4} size="sm">
          {items.map((item, n) => (
            <List.Item key={n}>{inline(item)}</List.Item>
          ))}
        </List>,
      );
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() && !/^(#{1,6}\s|\s*>|\s*```|\s*~~~|\s*([-*+]|\d+[.)])\s+)/.test(lines[i] ?? '')) paragraph.push((lines[i++] ?? '').trim());
    out.push(
      <Text key={key()} my="sm" style={{ overflowWrap: 'anywhere' }}>
        {inline(paragraph.join(' '))}
      </Text>,
    );
  }
  return out;
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*|__[^_]+__)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]+\]\([^)\s]+\))/;

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
      const href = safeHref(link?.[2] ?? '');
      out.push(
        href ? (
          <Anchor key={k} href={href} target={href.startsWith('http') ? '_blank' : undefined} rel="noreferrer noopener">
            {link?.[1]}
          </Anchor>
        ) : (
          link?.[1]
        ),
      );
    }
    rest = rest.slice(match.index + token.length);
  }
  return out;
}

/**
 * The server's search snippets are escaped text with matches wrapped in <mark>. They are parsed
 * (never inserted as HTML) and only text and <mark> survive.
 */
export function HighlightedSnippet({ html }: { html: string }) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const parts: ReactNode[] = [];
  doc.body.childNodes.forEach((node, n) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent);
    else if (node.nodeName === 'MARK') parts.push(<Mark key={n}>{node.textContent}</Mark>);
    else parts.push(node.textContent);
  });
  return <>{parts}</>;
}
