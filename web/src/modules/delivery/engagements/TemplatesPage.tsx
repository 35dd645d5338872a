import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { IconPlus, IconTemplate } from '@tabler/icons-react';
import { useSearchParams } from 'react-router-dom';
import { useSearchParamsUpdate } from '../../../ui/use-url-filters';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import { useTemplates } from './api';
import { KIND_LABELS } from './labels';
import { TemplateEditor } from './TemplateEditor';

/** The engagement templates, and the editor for one (?edit=<id> or ?edit=new, so it can be linked). */
export function TemplatesPage() {
  const [params] = useSearchParams();
  const updateParams = useSearchParamsUpdate();
  const editing = params.get('edit');
  // Held here too, so the switch answers at once; the URL follows for sharing.
  const [showArchived, setShowArchived] = useState(params.get('archived') === 'true');
  const templates = useTemplates(showArchived);
  // Opening and closing the editor are history entries, so Back returns to the list.
  const setParam = (key: string, value: string | null) => updateParams({ [key]: value }, { replace: key !== 'edit' });

  if (editing) {
    return (
      <TemplateEditor
        templateId={editing === 'new' ? null : editing}
        onClose={() => setParam('edit', null)}
        onSaved={() => setParam('edit', null)}
      />
    );
  }

  const items = templates.data ?? [];
  return (
    <>
      <PageHeader
        title="Engagement templates"
        description="Phases and tasks, owners by role, durations and dependencies: a new engagement lays its dated plan out from one. Editing a template never changes running engagements."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setParam('edit', 'new')}>
            New template
          </Button>
        }
      />
      <Card p={0}>
        <Group p="md">
          <Switch
            label="Show archived"
            checked={showArchived}
            onChange={(e) => {
              setShowArchived(e.currentTarget.checked);
              setParam('archived', e.currentTarget.checked ? 'true' : null);
            }}
          />
        </Group>
        {templates.isError ? (
          <Stack p="md">
            <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
          </Stack>
        ) : (
          <Table aria-label="Engagement templates" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Template</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Phases</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Tasks</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Duration</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.isPending && <SkeletonRows columns={6} rows={4} />}
              {items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text fw={600} size="sm">
                        {t.name}
                      </Text>
                      {t.archived && (
                        <Badge size="xs" color="gray">
                          Archived
                        </Badge>
                      )}
                    </Group>
                    {t.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {t.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{KIND_LABELS[t.kind]}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{t.phaseCount}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{t.taskCount}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{t.durationDays} working days</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Button size="xs" variant="default" onClick={() => setParam('edit', t.id)} aria-label={`Edit ${t.name}`}>
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {templates.isSuccess && items.length === 0 && (
          <EmptyState icon={<IconTemplate size={18} />} title="No templates yet" description="Write the plan your team repeats, once." />
        )}
      </Card>
    </>
  );
}
