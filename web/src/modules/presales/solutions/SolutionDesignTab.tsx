import { useState } from 'react';
import { Alert, Badge, Button, Card, Grid, Group, NavLink, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFileDescription, IconPlus } from '@tabler/icons-react';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { fromNow } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { PRIORITY_COLORS, PRIORITY_LABELS, useCreateDesign, useDesigns, type DesignList } from './api';
import { DesignView } from './DesignView';

/**
 * A deal's solution designs: the list with the requirements no design answers yet, and the chosen
 * design — rendered with its Mermaid diagrams, edited with a live preview, every save a version
 * with a note, any version viewable and compared with the one before it.
 */
export function SolutionDesignTab({ opportunityId }: { opportunityId: string }) {
  const { can } = useAuth();
  const canWrite = can('presales.write');
  const phone = useMediaQuery('(max-width: 62em)');
  const designs = useDesigns(opportunityId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const items = designs.data?.items ?? [];
  const current = items.find((d) => d.id === chosen)?.id ?? items[0]?.id ?? null;

  if (designs.isError) return <QueryError error={designs.error} onRetry={() => void designs.refetch()} />;

  const newDesign = canWrite && (
    <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
      New design
    </Button>
  );

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Stack gap="sm">
          <Card withBorder padding="sm">
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Text fw={600} size="sm">
                Designs
              </Text>
              {newDesign}
            </Group>
            {phone && items.length > 0 ? (
              <Select
                aria-label="Design"
                data={items.map((d) => ({ value: d.id, label: `${d.title} (v${d.version})` }))}
                value={current}
                onChange={(v) => v && setChosen(v)}
                allowDeselect={false}
              />
            ) : (
              items.map((d) => (
                <NavLink
                  key={d.id}
                  active={d.id === current}
                  label={d.title}
                  description={`v${d.version} · ${d.requirementCount} requirements · ${fromNow(d.updatedAt)}`}
                  onClick={() => setChosen(d.id)}
                />
              ))
            )}
            {designs.isSuccess && items.length === 0 && (
              <Text size="xs" c="dimmed">
                No design yet.
              </Text>
            )}
          </Card>
          {designs.data && <CoverageCard coverage={designs.data.coverage} />}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        {creating ? (
          <NewDesignForm
            opportunityId={opportunityId}
            onDone={(id) => {
              setCreating(false);
              if (id) setChosen(id);
            }}
          />
        ) : current ? (
          <DesignView key={current} designId={current} opportunityId={opportunityId} canWrite={canWrite} />
        ) : (
          designs.isSuccess && (
            <Card withBorder>
              <EmptyState
                icon={<IconFileDescription size={18} />}
                title="No solution design yet"
                description="Write how the product meets the customer’s requirements: Markdown, with ```mermaid blocks drawn as diagrams. Every save keeps a version."
                action={newDesign}
              />
            </Card>
          )
        )}
      </Grid.Col>
    </Grid>
  );
}

function CoverageCard({ coverage }: { coverage: DesignList['coverage'] }) {
  return (
    <Card withBorder padding="sm" role="region" aria-label="Design coverage">
      <Text fw={600} size="sm">
        Coverage
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {coverage.covered} of {coverage.requirements} requirements answered by a design
      </Text>
      {coverage.uncovered.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" fw={600}>
            Not answered yet
          </Text>
          {coverage.uncovered.slice(0, 12).map((r) => (
            <Group key={r.id} gap={6} wrap="nowrap" align="flex-start">
              <Badge size="xs" variant="light" color={PRIORITY_COLORS[r.priority]} style={{ flexShrink: 0 }}>
                {PRIORITY_LABELS[r.priority]}
              </Badge>
              <Text size="xs" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                {r.reference ? `${r.reference}: ` : ''}
                {r.text}
              </Text>
            </Group>
          ))}
          {coverage.uncovered.length > 12 && (
            <Text size="xs" c="dimmed">
              and {coverage.uncovered.length - 12} more
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

function NewDesignForm({ opportunityId, onDone }: { opportunityId: string; onDone: (id: string | null) => void }) {
  const create = useCreateDesign(opportunityId);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const form = { setErrors: (e: Record<string, string>) => setError(e.title ?? null) };
  const starter = `# ${title || 'Solution design'}\n\n## Context\n\n## Architecture\n\n\`\`\`mermaid\ngraph LR\n  Customer[Customer systems] --> Product[Our platform]\n\`\`\`\n\n## How each requirement is met\n`;
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>New solution design</Title>
        <TextInput label="Title" required value={title} error={error} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
        <Alert color="blue" variant="light">
          It starts from an outline with a Mermaid diagram; edit it and save versions as it grows.
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            Cancel
          </Button>
          <Button
            loading={create.isPending}
            disabled={!title.trim()}
            onClick={() =>
              create.mutate(
                { title, body: starter, note: 'Created' },
                {
                  onSuccess: (d) => {
                    notifySuccess('Design created');
                    onDone(d.id);
                  },
                  onError: (e) => showServerErrors(form, e, ['title']),
                },
              )
            }
          >
            Create design
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
