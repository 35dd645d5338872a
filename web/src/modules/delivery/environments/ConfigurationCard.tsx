import { Accordion, Alert, Badge, Button, Card, Code, Group, Skeleton, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useConfigHistory, useSaveConfiguration, type ConfigChange, type Environment } from './api';

/** Why a text is not a configuration, the way the server says it (null when it is one). */
function configProblem(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'The configuration must be a JSON object ({ … })';
    return null;
  } catch (e) {
    return `Not valid JSON: ${(e as Error).message}`;
  }
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v));

/** The configuration as JSON, an editor that checks it as you type, and every saved version with its diff. */
export function ConfigurationCard({ env }: { env: Environment }) {
  const { can } = useAuth();
  const current = JSON.stringify(env.configuration, null, 2);
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [serverError, setServerError] = useState<string | null>(null);
  const save = useSaveConfiguration(env.id);
  const history = useConfigHistory(env.id);
  const editing = draft !== null;
  const problem = editing ? configProblem(draft) : null;

  const submit = () => {
    if (draft === null || problem) return;
    setServerError(null);
    save.mutate(
      { configuration: draft, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (saved) => {
          notifySuccess(`Configuration saved as version ${saved.configVersion}`);
          setDraft(null);
          setNote('');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.issues.length) setServerError(error.issues.map((i) => i.message).join('; '));
          else notifyError(error);
        },
      },
    );
  };

  return (
    <Card component="section" aria-label="Configuration">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={4}>Configuration</Title>
          <Badge variant="light">version {env.configVersion}</Badge>
        </Group>
        {can('environments.write') && !editing && (
          <Button size="xs" variant="light" onClick={() => setDraft(current)}>
            Edit configuration
          </Button>
        )}
      </Group>
      {editing ? (
        <Stack gap="sm">
          <Textarea
            aria-label="Configuration JSON"
            autosize
            minRows={6}
            maxRows={24}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            error={problem ?? serverError}
            styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
          />
          <TextInput
            label="Why it changed"
            placeholder="Raised the pool for month-end load"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button onClick={submit} disabled={!!problem} loading={save.isPending}>
              Save configuration
            </Button>
          </Group>
        </Stack>
      ) : (
        <Code block data-testid="configuration">
          {current}
        </Code>
      )}
      <Title order={5} mt="lg" mb="xs">
        History
      </Title>
      {history.isPending && <Skeleton height={60} />}
      {history.isSuccess && (
        <Accordion variant="separated" multiple defaultValue={history.data.slice(0, 1).map((v) => String(v.version))}>
          {history.data.map((v) => (
            <Accordion.Item key={v.version} value={String(v.version)}>
              <Accordion.Control>
                <Group gap="xs">
                  <Badge variant="outline">v{v.version}</Badge>
                  <Text size="sm">{v.note ?? 'No note'}</Text>
                  <Text size="xs" c="dimmed">
                    {v.changedBy?.name ?? 'System'} · {formatDateTime(v.changedAt)} · {v.changes.length} change
                    {v.changes.length === 1 ? '' : 's'}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <DiffList changes={v.changes} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Card>
  );
}

function DiffList({ changes }: { changes: ConfigChange[] }) {
  if (!changes.length) return <Alert variant="light">No changes</Alert>;
  return (
    <Stack gap={4} ff="monospace" fz="sm">
      {changes.map((c) => (
        <Group key={c.path} gap="xs" wrap="nowrap" align="flex-start">
          <Text span c={c.kind === 'added' ? 'teal' : c.kind === 'removed' ? 'red' : 'yellow.8'} fw={700} w={14}>
            {c.kind === 'added' ? '+' : c.kind === 'removed' ? '−' : '~'}
          </Text>
          <Text span fw={600} ff="monospace" size="sm">
            {c.path}
          </Text>
          <Text span ff="monospace" size="sm">
            {c.kind === 'added' ? show(c.after) : c.kind === 'removed' ? <s>{show(c.before)}</s> : `${show(c.before)} → ${show(c.after)}`}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
