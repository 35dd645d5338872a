import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, ScrollArea, Select, Skeleton, Stack, Text } from '@mantine/core';
import { notifyError, notifySuccess } from '../../ui/server-errors';
import { PRIORITY_LABELS, STATUS_LABELS } from './labels';
import { IconBolt } from '@tabler/icons-react';
import { useApplyMacro, useMacroPreview, useMacros, type MacroActions, type MacroPreview } from './workbench-api';

/** Macros: pick one, see the reply rendered for this ticket and the changes it makes, then apply or edit first. */
export function MacroPicker({
  ticketId,
  onInsert,
}: {
  ticketId: string;
  onInsert: (body: string, visibility: MacroPreview['visibility']) => void;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="subtle" leftSection={<IconBolt size={14} />} onClick={() => setOpened(true)}>
        Apply macro
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Apply a macro" size="lg" centered>
        {opened && <MacroChooser ticketId={ticketId} onDone={() => setOpened(false)} onInsert={onInsert} />}
      </Modal>
    </>
  );
}

function MacroChooser({
  ticketId,
  onDone,
  onInsert,
}: {
  ticketId: string;
  onDone: () => void;
  onInsert: (body: string, visibility: MacroPreview['visibility']) => void;
}) {
  const macros = useMacros(true);
  const [macroId, setMacroId] = useState<string | null>(null);
  const preview = useMacroPreview(ticketId, macroId);
  const apply = useApplyMacro(ticketId);
  const macro = macros.data?.find((m) => m.id === macroId);

  return (
    <Stack>
      <Select
        label="Macro"
        placeholder={macros.data?.length === 0 ? 'No macros yet' : 'Search macros'}
        searchable
        data={[
          { group: 'Shared', items: (macros.data ?? []).filter((m) => m.shared).map((m) => ({ value: m.id, label: m.title })) },
          { group: 'Mine', items: (macros.data ?? []).filter((m) => !m.shared).map((m) => ({ value: m.id, label: m.title })) },
        ].filter((g) => g.items.length > 0)}
        value={macroId}
        onChange={setMacroId}
        data-autofocus
      />
      {macroId && preview.isPending && <Skeleton height={120} />}
      {preview.data && (
        <Stack gap="xs">
          <Group gap={6}>
            <Text size="sm" fw={500}>
              Preview
            </Text>
            <Badge size="xs" color={preview.data.visibility === 'internal' ? 'yellow' : 'indigo'} variant="light">
              {preview.data.visibility === 'internal' ? 'Internal note' : 'Public reply'}
            </Badge>
          </Group>
          {preview.data.body ? (
            <ScrollArea.Autosize mah={240}>
              <Text
                size="sm"
                p="sm"
                bg={preview.data.visibility === 'internal' ? 'yellow.0' : 'gray.0'}
                style={{ whiteSpace: 'pre-wrap', borderRadius: 8 }}
                aria-label="Macro preview"
              >
                {preview.data.body}
              </Text>
            </ScrollArea.Autosize>
          ) : (
            <Text size="sm" c="dimmed">
              No message; this macro only changes fields.
            </Text>
          )}
          {preview.data.unknownPlaceholders.length > 0 && (
            <Alert color="yellow" variant="light">
              Left as written, unknown: {preview.data.unknownPlaceholders.join(', ')}
            </Alert>
          )}
          <ActionLines actions={preview.data.actions} />
        </Stack>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        {preview.data?.body && (
          <Button
            variant="light"
            onClick={() => {
              onInsert(preview.data.body, preview.data.visibility);
              onDone();
            }}
          >
            Edit before sending
          </Button>
        )}
        <Button
          disabled={!preview.data}
          loading={apply.isPending}
          onClick={() =>
            macroId &&
            apply.mutate(macroId, {
              onSuccess: () => {
                notifySuccess(`Macro “${macro?.title ?? ''}” applied.`);
                onDone();
              },
              onError: (e) => notifyError(e),
            })
          }
        >
          Apply macro
        </Button>
      </Group>
    </Stack>
  );
}

function ActionLines({ actions }: { actions: MacroActions }) {
  const lines = [
    actions.status && `Status → ${STATUS_LABELS[actions.status]}`,
    actions.priority && `Priority → ${PRIORITY_LABELS[actions.priority]}`,
    actions.addTags?.length && `Add tags ${actions.addTags.join(', ')}`,
    actions.removeTags?.length && `Remove tags ${actions.removeTags.join(', ')}`,
    actions.assigneeId !== undefined && (actions.assigneeId === null ? 'Unassign' : 'Assign'),
    actions.groupId !== undefined && (actions.groupId === null ? 'Clear the group' : 'Set the group'),
  ].filter(Boolean) as string[];
  if (lines.length === 0) return null;
  return (
    <Group gap={4}>
      {lines.map((l) => (
        <Badge key={l} size="sm" variant="outline" color="gray" tt="none">
          {l}
        </Badge>
      ))}
    </Group>
  );
}
