import { useState } from 'react';
import { ActionIcon, Button, Card, ColorSwatch, Group, Menu, Tabs, Text, Textarea } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { useAddMessage, type SubmitStatus, type Ticket, type TicketMessage } from './api';
import { AttachFilesButton, ComposerFileList, useComposerFiles } from './attachments';
import { STATUS_COLORS, STATUS_LABELS, SUBMIT_STATUSES } from './labels';
import { MacroPicker } from './MacroPicker';
import { IconNote, IconSend } from '@tabler/icons-react';

type Visibility = TicketMessage['visibility'];

/** What "Submit as" offers first: the status the ticket keeps, or Open for a new one. */
function defaultStatus(ticket: Ticket): SubmitStatus {
  return (SUBMIT_STATUSES as readonly string[]).includes(ticket.status) ? (ticket.status as SubmitStatus) : 'open';
}

/**
 * Public reply or internal note, and Zendesk's "Submit as" split button: the main half keeps the
 * ticket's status, the menu sets another one with the same click.
 */
export function ReplyComposer({ ticket }: { ticket: Ticket }) {
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [drafts, setDrafts] = useState<Record<Visibility, string>>({ public: '', internal: '' });
  const [error, setError] = useState<string | null>(null);
  const send = useAddMessage(ticket.id);
  const files = useComposerFiles(ticket.id);
  const body = drafts[visibility];
  const internal = visibility === 'internal';
  const main = defaultStatus(ticket);

  const submit = (status: SubmitStatus) => {
    if (!body.trim()) {
      setError(internal ? 'Write the note first' : 'Write a reply first');
      return;
    }
    send.mutate(
      { body: body.trim(), visibility, status },
      {
        onSuccess: (message) => {
          setDrafts((d) => ({ ...d, [visibility]: '' }));
          notifySuccess(`${internal ? 'Note added' : 'Reply sent'} · ${STATUS_LABELS[status]}`);
          if (files.files.length > 0) void files.uploadFor(message.id);
        },
        onError: (e) => showServerErrors({ setErrors: (errors) => setError(errors.body ?? null) }, e, ['body']),
      },
    );
  };

  return (
    <Card
      p={0}
      component="section"
      aria-label="Reply composer"
      style={internal ? { borderColor: 'var(--mantine-color-yellow-5)' } : undefined}
    >
      <Tabs value={visibility} onChange={(v) => setVisibility((v as Visibility) ?? 'public')} variant="outline">
        <Tabs.List px="sm" pt="xs">
          <Tabs.Tab value="public" leftSection={<IconSend size={14} />}>
            Public reply
          </Tabs.Tab>
          <Tabs.Tab value="internal" leftSection={<IconNote size={14} />}>
            Internal note
          </Tabs.Tab>
          <Group ml="auto" pb={4}>
            <AttachFilesButton files={files} />
          </Group>
        </Tabs.List>
      </Tabs>
      <Textarea
        aria-label={internal ? 'Internal note' : 'Public reply'}
        placeholder={internal ? 'Only your team sees this note' : `Reply to ${ticket.requester.name}…`}
        autosize
        minRows={4}
        maxRows={16}
        value={body}
        error={error}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setDrafts((d) => ({ ...d, [visibility]: value }));
          setError(null);
        }}
        styles={{
          input: {
            border: 0,
            borderRadius: 0,
            background: internal ? 'var(--mantine-color-yellow-0)' : undefined,
            padding: 'var(--mantine-spacing-md)',
          },
        }}
        px={0}
      />
      <ComposerFileList files={files} />
      <Group justify="space-between" p="sm" wrap="nowrap" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
          <MacroPicker
            ticketId={ticket.id}
            onInsert={(text, target) => {
              setVisibility(target);
              setDrafts((d) => ({ ...d, [target]: d[target] ? `${d[target]}\n\n${text}` : text }));
            }}
          />
          <Text size="xs" c="dimmed" lineClamp={1}>
            {internal ? 'Internal notes never reach the requester.' : `Sent to ${ticket.requester.email}`}
          </Text>
        </Group>
        <Group gap={0} wrap="nowrap">
          <Button
            onClick={() => submit(main)}
            loading={send.isPending || files.uploading}
            color={internal ? 'yellow' : undefined}
            c={internal ? 'dark' : undefined}
            style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
          >
            Submit as {STATUS_LABELS[main]}
          </Button>
          <Menu position="top-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                size={36}
                variant="filled"
                color={internal ? 'yellow' : undefined}
                aria-label="More submit options"
                disabled={send.isPending}
                style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid rgba(255,255,255,0.5)' }}
              >
                <IconChevronDown size={16} color={internal ? 'var(--mantine-color-dark-7)' : undefined} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Submit as</Menu.Label>
              {SUBMIT_STATUSES.map((status) => (
                <Menu.Item
                  key={status}
                  leftSection={<ColorSwatch color={`var(--mantine-color-${STATUS_COLORS[status]}-6)`} size={12} />}
                  onClick={() => submit(status)}
                >
                  Submit as {STATUS_LABELS[status]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
    </Card>
  );
}
