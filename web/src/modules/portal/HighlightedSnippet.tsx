import { Mark } from '@mantine/core';
import type { ReactNode } from 'react';

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
