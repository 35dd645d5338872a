import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { ApiError } from '../../../lib/api-client';
import { QueryError } from '../../../ui/QueryError';
import { notifySuccess } from '../../../ui/server-errors';
import { useRoles } from '../../team/api';
import { useSaveTemplate, useTemplate, type Template } from './api';
import { KIND_LABELS, KINDS, options } from './labels';
import { blankTask, draftOf, inputOf, move, newKey, totalWorkingDays, withoutTask, type TemplateDraft } from './template-draft';
import { TemplateTaskEditor } from './TemplateTaskEditor';

// Admins and stakeholders do not own delivery tasks.
const NOT_OWNERS = new Set(['admin', 'stakeholder']);

/** Loads the template (or starts a blank one) and hands it to the editor. */
export function TemplateEditor({
  templateId,
  onClose,
  onSaved,
}: {
  templateId: string | null;
  onClose: () => void;
  onSaved: (template: Template) => void;
}) {
  const template = useTemplate(templateId);
  if (templateId && template.isPending) return <Skeleton height={400} radius="md" />;
  if (templateId && template.isError) return <QueryError error={template.error} onRetry={() => void template.refetch()} />;
  return <Editor key={templateId ?? 'new'} template={template.data} onClose={onClose} onSaved={onSaved} />;
}

function Editor({ template, onClose, onSaved }: { template?: Template; onClose: () => void; onSaved: (template: Template) => void }) {
  const save = useSaveTemplate();
  const roles = useRoles();
  const [draft, setDraft] = useState<TemplateDraft>(() => draftOf(template));
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string> } | null>(null);

  const teamRoles = (roles.data ?? []).filter((r) => !NOT_OWNERS.has(r.id)).map((r) => ({ value: r.id, label: r.label }));
  const allTasks = draft.phases.flatMap((p) => p.tasks);
  const total = totalWorkingDays(draft.phases);
  const update = (change: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setPhases = (phases: TemplateDraft['phases']) => update({ phases });
  const fieldError = (path: string) => failure?.fields[path];

  const submit = (archived?: boolean) => {
    setFailure(null);
    save.mutate(
      { id: template?.id, ...inputOf(draft), ...(template ? { archived: archived ?? template.archived } : {}) },
      {
        onSuccess: (saved) => {
          notifySuccess(
            archived === true
              ? `Template “${saved.name}” archived.`
              : archived === false
                ? `Template “${saved.name}” restored.`
                : `Template “${saved.name}” saved.`,
          );
          onSaved(saved);
        },
        onError: (error) => setFailure(failureOf(error)),
      },
    );
  };

  return (
    <Stack gap="lg">
      <Card component="section" aria-label="Template">
        <Stack gap="sm">
          <Breadcrumbs>
            <Anchor component="button" type="button" size="sm" onClick={onClose}>
              Engagement templates
            </Anchor>
            <Text size="sm">{template ? template.name : 'New template'}</Text>
          </Breadcrumbs>
          <Group justify="space-between" align="flex-start">
            <Group gap="sm">
              <Title order={2}>{template ? `Edit “${template.name}”` : 'New template'}</Title>
              {template?.archived && <Badge color="gray">Archived</Badge>}
            </Group>
            <Group gap="xs">
              {template && (
                <Button
                  variant="default"
                  leftSection={<IconArchive size={16} />}
                  onClick={() => submit(!template.archived)}
                  loading={save.isPending && save.variables?.archived !== template.archived}
                >
                  {template.archived ? 'Restore template' : 'Archive template'}
                </Button>
              )}
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button onClick={() => submit()} loading={save.isPending}>
                Save template
              </Button>
            </Group>
          </Group>
          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="The template was not saved">
              {failure.message}
            </Alert>
          )}
          <Group align="flex-start" grow>
            <TextInput
              label="Name"
              withAsterisk
              value={draft.name}
              error={fieldError('name')}
              onChange={(e) => update({ name: e.currentTarget.value })}
            />
            <Select
              label="Kind"
              allowDeselect={false}
              data={options(KINDS, KIND_LABELS)}
              value={draft.kind}
              onChange={(v) => v && update({ kind: v as TemplateDraft['kind'] })}
            />
          </Group>
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={draft.description}
            onChange={(e) => update({ description: e.currentTarget.value })}
          />
          <Text size="sm" c={total === null ? 'red' : 'dimmed'} aria-label="Total duration">
            {plural(draft.phases.length, 'phase')} · {plural(allTasks.length, 'task')} ·{' '}
            {total === null ? 'the dependencies form a cycle' : `${plural(total, 'working day')} in total`}
          </Text>
        </Stack>
      </Card>

      {draft.phases.map((phase, p) => {
        const title = phase.name.trim() || `Phase ${p + 1}`;
        return (
          <Card key={phase.uid} component="section" aria-label={`Phase: ${title}`}>
            <Group gap="xs" align="flex-end" mb="sm" wrap="nowrap">
              <TextInput
                label="Phase name"
                style={{ flex: 1 }}
                value={phase.name}
                error={fieldError(`phases.${p}.name`)}
                onChange={(e) => setPhases(draft.phases.map((x, i) => (i === p ? { ...x, name: e.currentTarget.value } : x)))}
              />
              <Tooltip label="Move phase up">
                <ActionIcon
                  variant="default"
                  size="lg"
                  disabled={p === 0}
                  onClick={() => setPhases(move(draft.phases, p, -1))}
                  aria-label={`Move phase ${title} up`}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Move phase down">
                <ActionIcon
                  variant="default"
                  size="lg"
                  disabled={p === draft.phases.length - 1}
                  onClick={() => setPhases(move(draft.phases, p, 1))}
                  aria-label={`Move phase ${title} down`}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Remove phase and its tasks">
                <ActionIcon
                  variant="default"
                  color="red"
                  size="lg"
                  disabled={draft.phases.length === 1}
                  onClick={() => {
                    const keys = phase.tasks.map((t) => t.key);
                    setPhases(keys.reduce((phases, key) => withoutTask(phases, key), draft.phases).filter((x) => x.uid !== phase.uid));
                  }}
                  aria-label={`Remove phase ${title}`}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <Stack gap="xs">
              {phase.tasks.map((task, t) => (
                <TemplateTaskEditor
                  key={task.key}
                  task={task}
                  first={t === 0}
                  last={t === phase.tasks.length - 1}
                  teamRoles={teamRoles}
                  others={allTasks
                    .filter((o) => o.key !== task.key)
                    .map((o) => ({ value: o.key, label: o.title.trim() || 'Untitled task' }))}
                  errors={(field) => fieldError(`phases.${p}.tasks.${t}.${field}`)}
                  onChange={(next) =>
                    setPhases(draft.phases.map((x, i) => (i === p ? { ...x, tasks: x.tasks.map((y, j) => (j === t ? next : y)) } : x)))
                  }
                  onMove={(by) => setPhases(draft.phases.map((x, i) => (i === p ? { ...x, tasks: move(x.tasks, t, by) } : x)))}
                  onRemove={() => setPhases(withoutTask(draft.phases, task.key))}
                />
              ))}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => setPhases(draft.phases.map((x, i) => (i === p ? { ...x, tasks: [...x.tasks, blankTask()] } : x)))}
                >
                  Add task
                </Button>
              </Group>
            </Stack>
          </Card>
        );
      })}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={() => setPhases([...draft.phases, { uid: newKey('phase'), name: '', tasks: [blankTask()] }])}
        >
          Add phase
        </Button>
      </Group>
    </Stack>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The server's message, and each validation issue under the field it names (`phases.0.tasks.2.title`). */
function failureOf(error: unknown): { message: string; fields: Record<string, string> } {
  if (!(error instanceof ApiError))
    return { message: error instanceof Error ? error.message : 'Something went wrong; try again.', fields: {} };
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path] = fields[issue.path] ? `${fields[issue.path]}; ${issue.message}` : issue.message;
  if (typeof error.details.field === 'string') fields[error.details.field] = error.message;
  const listed = error.issues.length > 1 ? ` (${error.issues.length} problems, marked below)` : '';
  return { message: `${error.message}${listed}`, fields };
}
