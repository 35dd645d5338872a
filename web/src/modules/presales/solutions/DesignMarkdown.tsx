import { Box } from '@mantine/core';
import { Markdown } from '../../../ui/markdown';
import { MermaidDiagram } from './MermaidDiagram';

/** A design's Markdown split into prose and ```mermaid blocks, in order. */
export function designBlocks(source: string): { kind: 'markdown' | 'mermaid'; text: string }[] {
  const blocks: { kind: 'markdown' | 'mermaid'; text: string }[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let prose: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(```|~~~)\s*mermaid\s*$/i.exec(lines[i] ?? '');
    if (!open) {
      prose.push(lines[i] ?? '');
      continue;
    }
    const diagram: string[] = [];
    i++;
    while (i < lines.length && !(lines[i] ?? '').trim().startsWith(open[1]!)) diagram.push(lines[i++] ?? '');
    if (prose.some((l) => l.trim())) blocks.push({ kind: 'markdown', text: prose.join('\n') });
    prose = [];
    blocks.push({ kind: 'mermaid', text: diagram.join('\n') });
  }
  if (prose.some((l) => l.trim())) blocks.push({ kind: 'markdown', text: prose.join('\n') });
  return blocks;
}

/** A solution design as the app renders Markdown, with its Mermaid blocks drawn as diagrams. */
export function DesignMarkdown({ source }: { source: string }) {
  return (
    <Box style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
      {designBlocks(source).map((block, i) =>
        block.kind === 'mermaid' ? <MermaidDiagram key={i} code={block.text} /> : <Markdown key={i} source={block.text} />,
      )}
    </Box>
  );
}
