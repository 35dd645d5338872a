import { useEffect, useId, useState } from 'react';
import { Alert, Box, Code, Loader } from '@mantine/core';
import type MermaidApi from 'mermaid';

type Mermaid = typeof MermaidApi;
let loading: Promise<Mermaid> | null = null;

/** Mermaid is large: it loads the first time a diagram is shown, once, with scripts and HTML labels off. */
function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    // Natural size, scrolled sideways in its box when wide: shrunk to a phone's width, labels are unreadable.
    const natural = { useMaxWidth: false };
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'default',
      fontFamily: 'inherit',
      flowchart: natural,
      sequence: natural,
      class: natural,
      state: natural,
      er: natural,
      gantt: natural,
    });
    return mermaid;
  });
  return loading;
}

/**
 * A ```mermaid block of a design drawn as a diagram in the browser. Mermaid's strict security level
 * sanitises the SVG it returns (no scripts, no click handlers), so it can be placed in the page. A
 * diagram with a syntax error shows its source and the error instead.
 */
export function MermaidDiagram({ code }: { code: string }) {
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [state, setState] = useState<{ code: string; svg?: string; error?: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadMermaid()
      .then(async (mermaid) => {
        await mermaid.parse(code);
        const { svg } = await mermaid.render(id, code);
        if (!cancelled) setState({ code, svg });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ code, error: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [code, id]);

  if (!state || state.code !== code)
    return (
      <Box my="sm" aria-busy>
        <Loader size="xs" />
      </Box>
    );
  if (state.error)
    return (
      <Alert color="orange" my="sm" title="This diagram has an error">
        <Code block mb="xs">
          {code}
        </Code>
        {state.error.split('\n').slice(0, 4).join('\n')}
      </Alert>
    );
  return (
    <Box
      my="sm"
      role="img"
      aria-label="Diagram"
      className="outpost-mermaid"
      style={{ overflowX: 'auto', maxWidth: '100%' }}
      // The SVG comes from Mermaid at securityLevel "strict", which sanitises it.
      dangerouslySetInnerHTML={{ __html: state.svg ?? '' }}
    />
  );
}
