import { useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Code,
  Group,
  Loader,
  Modal,
  MultiSelect,
  ScrollArea,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconHistory, IconPencil } from '@tabler/icons-react';
import { ApiError } from '../../../lib/api-client';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { formatDateTime, fromNow } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import {
  useDeleteDesign,
  useDesign,
  useDesignDiff,
  useDesignVersion,
  useRequirements,
  useSaveDesignVersion,
  useSetDesignRequirements,
  type SolutionDesign,
} from './api';
import { DesignMarkdown } from './DesignMarkdown';

interface Props {
  designId: string;
  opportunityId: string;
  canWrite: boolean;
}

/** One design: read (diagrams drawn), edit with a live preview, its requirements, and its history. */
export function DesignView({ designId, opportunityId, canWrite }: Props) {
  const design = useDesign(designId);
  const requirements = useRequirements(opportunityId, {});
  const [editing, setEditing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const remove = useDeleteDesign(opportunityId);
  if (design.isError) return <QueryError error={design.error} onRetry={() => void design.refetch()} />;
  if (!design.data) return <Loader size="sm" />;
  const d = design.data;
  const latest = d.versions[0];
  const byId = new Map((requirements.data?.items ?? []).map((r) => [r.id, r]));
  const options = (requirements.data?.items ?? []).map((r) => ({
    value: r.id,
    label: `${r.reference ? `${r.reference}: ` : ''}${r.text.length > 80 ? `${r.text.slice(0, 80)}…` : r.text}`,
  }));

  return (
    <Card withBorder role="region" aria-label={`Design ${d.title}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={3}>{d.title}</Title>
            <Text size="xs" c="dimmed">
              Version {d.version}
              {latest?.author ? ` · saved by ${latest.author.name}` : ''} · {fromNow(d.updatedAt)}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconHistory size={14} />} onClick={() => setHistoryOpen(true)}>
              History ({d.versions.length})
            </Button>
            {canWrite && !editing && (
              <Button size="xs" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
          </Group>
        </Group>
        {editing ? (
          <DesignEditor design={d} opportunityId={opportunityId} options={options} onDone={() => setEditing(false)} />
        ) : (
          <>
            <DesignMarkdown source={d.body} />
            <LinkedRequirements design={d} opportunityId={opportunityId} canWrite={canWrite} options={options} byId={byId} />
            {canWrite && (
              <Group justify="flex-end">
                <ConfirmButton
                  size="xs"
                  variant="subtle"
                  color="red"
                  title={`Delete “${d.title}”?`}
                  message={`All ${d.versions.length} versions of the design are deleted, and its requirement links with them.`}
                  confirmLabel="Delete design"
                  onConfirm={() => remove.mutateAsync(d.id).catch((e: unknown) => notifyError(e))}
                >
                  Delete design
                </ConfirmButton>
              </Group>
            )}
          </>
        )}
      </Stack>
      <HistoryModal design={d} opened={historyOpen} onClose={() => setHistoryOpen(false)} />
    </Card>
  );
}

function LinkedRequirements({
  design,
  opportunityId,
  canWrite,
  options,
  byId,
}: {
  design: SolutionDesign;
  opportunityId: string;
  canWrite: boolean;
  options: { value: string; label: string }[];
  byId: Map<string, { reference: string | null; text: string }>;
}) {
  const [changing, setChanging] = useState(false);
  const [picked, setPicked] = useState<string[]>(design.requirementIds);
  const link = useSetDesignRequirements(opportunityId);
  return (
    <Box pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          Answers {design.requirementIds.length} requirement{design.requirementIds.length === 1 ? '' : 's'}
        </Text>
        {canWrite && !changing && (
          <Button size="compact-xs" variant="subtle" onClick={() => setChanging(true)}>
            Change
          </Button>
        )}
      </Group>
      {changing ? (
        <Stack gap="xs">
          <MultiSelect
            aria-label="Requirements this design answers"
            data={options}
            value={picked}
            onChange={setPicked}
            searchable
            clearable
          />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setChanging(false)}>
              Cancel
            </Button>
            <Button
              size="xs"
              loading={link.isPending}
              onClick={() =>
                link.mutate(
                  { id: design.id, requirementIds: picked },
                  {
                    onSuccess: () => {
                      notifySuccess('Requirements linked');
                      setChanging(false);
                    },
                    onError: (e) => notifyError(e),
                  },
                )
              }
            >
              Save links
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group gap={6} wrap="wrap">
          {design.requirementIds.map((id) => {
            const r = byId.get(id);
            return (
              <Badge key={id} variant="light" tt="none" title={r?.text}>
                {r?.reference ?? (r ? `${r.text.slice(0, 30)}…` : 'Requirement')}
              </Badge>
            );
          })}
          {design.requirementIds.length === 0 && (
            <Text size="xs" c="dimmed">
              None linked yet.
            </Text>
          )}
        </Group>
      )}
    </Box>
  );
}

function DesignEditor({
  design,
  opportunityId,
  options,
  onDone,
}: {
  design: SolutionDesign;
  opportunityId: string;
  options: { value: string; label: string }[];
  onDone: () => void;
}) {
  const wide = useMediaQuery('(min-width: 75em)');
  const save = useSaveDesignVersion(opportunityId);
  const [title, setTitle] = useState(design.title);
  const [body, setBody] = useState(design.body);
  const [note, setNote] = useState('');
  const [requirementIds, setRequirementIds] = useState(design.requirementIds);
  const [preview] = useDebouncedValue(body, 400);
  const conflict = save.error instanceof ApiError && save.error.code === 'solution_designs.version_conflict';
  const editor = (
    <Textarea
      label="Markdown"
      description="```mermaid blocks are drawn as diagrams"
      value={body}
      onChange={(e) => setBody(e.currentTarget.value)}
      autosize
      minRows={16}
      maxRows={40}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
    />
  );
  const rendered = (
    <Box>
      <Text size="sm" fw={500} mb={4}>
        Preview
      </Text>
      <Box p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)', minHeight: 200 }}>
        <DesignMarkdown source={preview} />
      </Box>
    </Box>
  );
  return (
    <Stack gap="sm">
      <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} required />
      {wide ? (
        <SimpleGrid cols={2}>
          {editor}
          {rendered}
        </SimpleGrid>
      ) : (
        <Tabs defaultValue="write">
          <Tabs.List>
            <Tabs.Tab value="write">Write</Tabs.Tab>
            <Tabs.Tab value="preview">Preview</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="sm">
            {editor}
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="sm">
            {rendered}
          </Tabs.Panel>
        </Tabs>
      )}
      <MultiSelect
        label="Requirements it answers"
        data={options}
        value={requirementIds}
        onChange={setRequirementIds}
        searchable
        clearable
      />
      <TextInput
        label="What changed"
        description="Shown in the history beside this version"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={500}
      />
      {save.isError && (
        <Alert color={conflict ? 'orange' : 'red'} title={conflict ? 'Someone saved a newer version' : 'Not saved'}>
          {save.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          loading={save.isPending}
          disabled={!title.trim()}
          onClick={() =>
            save.mutate(
              { id: design.id, title, body, note: note.trim() || null, baseVersion: design.version, requirementIds },
              {
                onSuccess: (saved) => {
                  notifySuccess(`Version ${saved.version} saved`);
                  onDone();
                },
              },
            )
          }
        >
          Save version {design.version + 1}
        </Button>
      </Group>
    </Stack>
  );
}

function HistoryModal({ design, opened, onClose }: { design: SolutionDesign; opened: boolean; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 48em)');
  const [shown, setShown] = useState<{ version: number; mode: 'view' | 'diff' } | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={`History of “${design.title}”`} size="xl" fullScreen={phone} centered>
      <Stack>
        <Timeline bulletSize={18} lineWidth={2} active={0}>
          {design.versions.map((v) => (
            <Timeline.Item key={v.version} title={`Version ${v.version}${v.version === design.version ? ' (latest)' : ''}`}>
              <Text size="sm">
                {v.note ?? (
                  <Text span c="dimmed">
                    No note
                  </Text>
                )}
              </Text>
              <Text size="xs" c="dimmed">
                {v.author?.name ?? 'Someone'} · {formatDateTime(v.createdAt)}
              </Text>
              <Group gap="xs" mt={4}>
                <Button size="compact-xs" variant="light" onClick={() => setShown({ version: v.version, mode: 'view' })}>
                  View
                </Button>
                <Button size="compact-xs" variant="light" onClick={() => setShown({ version: v.version, mode: 'diff' })}>
                  {v.version === 1 ? 'Content' : `Changes from v${v.version - 1}`}
                </Button>
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
        {shown?.mode === 'view' && <VersionBody designId={design.id} version={shown.version} />}
        {shown?.mode === 'diff' && <VersionDiff designId={design.id} version={shown.version} />}
      </Stack>
    </Modal>
  );
}

function VersionBody({ designId, version }: { designId: string; version: number }) {
  const v = useDesignVersion(designId, version);
  if (v.isError) return <QueryError error={v.error} />;
  if (!v.data) return <Loader size="sm" />;
  return (
    <Card withBorder role="region" aria-label={`Version ${version}`}>
      <Text size="xs" c="dimmed" mb="xs">
        Version {version}: {v.data.title}
      </Text>
      <DesignMarkdown source={v.data.body} />
    </Card>
  );
}

function VersionDiff({ designId, version }: { designId: string; version: number }) {
  const diff = useDesignDiff(designId, version);
  if (diff.isError) return <QueryError error={diff.error} />;
  if (!diff.data) return <Loader size="sm" />;
  const colors = { added: 'var(--mantine-color-teal-light)', removed: 'var(--mantine-color-red-light)', same: undefined } as const;
  const marks = { added: '+', removed: '−', same: ' ' } as const;
  return (
    <Card withBorder role="region" aria-label={`Changes in version ${version}`}>
      <Text size="xs" c="dimmed" mb="xs">
        {diff.data.from ? `Version ${diff.data.from} → ${diff.data.to}` : `Version ${diff.data.to}`}: {diff.data.added} lines added,{' '}
        {diff.data.removed} removed
      </Text>
      <ScrollArea.Autosize mah={420} type="auto">
        <Code block p={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {diff.data.lines.map((line, i) => (
            <Box key={i} px="xs" style={{ background: colors[line.op] }} data-op={line.op}>
              {marks[line.op]} {line.text}
            </Box>
          ))}
        </Code>
      </ScrollArea.Autosize>
    </Card>
  );
}
