import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Group, Kbd, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { getHotkeyHandler, useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { RequestSelect } from '../requests/RequestSelect';
import { statusLabel } from '../requests/labels';
import { useLinkFeedback, type InboxEntry, type LinkFeedbackInput } from './api';

export type LinkPanelMode = 'link' | 'new';

interface Props {
  entry: InboxEntry;
  mode: LinkPanelMode;
  /** Changes each time the inbox asks for the "link to…" box (the `l` key) to take the focus. */
  focusToken: number;
  onModeChange: (mode: LinkPanelMode) => void;
  onClose: () => void;
}

/** How many suggestions the number keys reach. */
export const SUGGESTION_KEYS = 3;

/**
 * Triage of one item: pick a suggested request (or press its number), search for another, or make a
 * new request from the item. Escape closes it.
 */
export function LinkPanel({ entry, mode, focusToken, onModeChange, onClose }: Props) {
  const { item, suggestions } = entry;
  const link = useLinkFeedback();
  const search = useRef<HTMLInputElement>(null);
  const [requestId, setRequestId] = useState<string | null>(null);

  useEffect(() => {
    if (mode === 'link' && focusToken > 0) search.current?.focus();
  }, [focusToken, mode]);

  const send = (body: LinkFeedbackInput, title: string) =>
    link.mutate(
      { id: item.id, link: body },
      {
        onSuccess: () => {
          notifySuccess('requestId' in body && body.requestId === null ? 'Item unlinked.' : `Linked to “${title}”.`);
          onClose();
        },
        onError: (error) => notifyError(error),
      },
    );

  // 1–3 pick a suggestion, unless the focus is in a field (typing a search).
  useHotkeys(
    mode === 'link' && !link.isPending
      ? suggestions.slice(0, SUGGESTION_KEYS).map((s, i): HotkeyItem => [String(i + 1), () => send({ requestId: s.id }, s.title)])
      : [],
  );

  return (
    <Paper
      withBorder
      p="sm"
      bg="gray.0"
      role="group"
      aria-label="Link to a request"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      {mode === 'new' ? (
        <NewRequestFromItem
          defaultTitle={item.title}
          pending={link.isPending}
          onCreate={(title) => send({ newRequest: { title, description: item.quote, productArea: item.productArea } }, title)}
          onBack={() => onModeChange('link')}
        />
      ) : (
        <Stack gap="xs">
          {suggestions.length > 0 ? (
            <Stack gap={4} role="list" aria-label="Suggested requests">
              {suggestions.slice(0, SUGGESTION_KEYS).map((s, i) => (
                <UnstyledButton
                  key={s.id}
                  role="listitem"
                  aria-label={`Link to ${s.title}`}
                  onClick={() => send({ requestId: s.id }, s.title)}
                  disabled={link.isPending}
                  p={6}
                  style={{ borderRadius: 'var(--mantine-radius-sm)', border: '1px solid var(--mantine-color-gray-3)', background: 'white' }}
                >
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Kbd size="xs">{i + 1}</Kbd>
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {s.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {statusLabel(s.status)} · {s.customerCount} {s.customerCount === 1 ? 'customer' : 'customers'} · {s.why}
                      </Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          ) : (
            <Text size="xs" c="dimmed">
              No similar request found: search for one or make a new one.
            </Text>
          )}
          <RequestSelect
            ref={search}
            label="Link to…"
            placeholder="Search every request"
            value={requestId}
            onChange={(id, title) => {
              setRequestId(id);
              if (id) send({ requestId: id }, title ?? 'the request');
            }}
          />
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">1</Kbd>–<Kbd size="xs">3</Kbd> pick · <Kbd size="xs">n</Kbd> new request · <Kbd size="xs">Esc</Kbd> close
            </Text>
            <Group gap="xs">
              {item.request && (
                <Button size="xs" variant="subtle" color="red" loading={link.isPending} onClick={() => send({ requestId: null }, '')}>
                  Unlink
                </Button>
              )}
              <Button size="xs" variant="light" onClick={() => onModeChange('new')}>
                New request from this
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

function NewRequestFromItem({
  defaultTitle,
  pending,
  onCreate,
  onBack,
}: {
  defaultTitle: string;
  pending: boolean;
  onCreate: (title: string) => void;
  onBack: () => void;
}) {
  const [title, setTitle] = useState(defaultTitle);
  const submit = () => title.trim() && onCreate(title.trim());
  return (
    <Stack gap="xs">
      <TextInput
        label="New request"
        description="Made from this item, which is linked to it; its quote becomes the description."
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        onKeyDown={getHotkeyHandler([['Enter', submit]])}
        error={title.trim() ? null : 'Give the request a title'}
        autoFocus
      />
      <Group justify="flex-end" gap="xs">
        <Badge variant="transparent" color="gray" tt="none" fw={400}>
          Enter creates
        </Badge>
        <Button size="xs" variant="default" onClick={onBack}>
          Back
        </Button>
        <Button size="xs" loading={pending} disabled={!title.trim()} onClick={submit}>
          Create and link
        </Button>
      </Group>
    </Stack>
  );
}
