import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Card, CloseButton, FileButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api-client';
import { formatDateTime, fromNow } from '../../ui/format';
import { IconAlertTriangle, IconUpload } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { notifySuccess } from '../../ui/server-errors';
import { ticketKeys, type Attachment } from './api';
import { formatBytes } from './Conversation';
import { IconPaperclip } from '@tabler/icons-react';

/** Ticket attachments (src/modules/support/attachments): upload with the reply, or on their own. */

const attachmentKeys = { ofTicket: (ticketId: string) => ['tickets', 'attachments', ticketId] as const };

export function useTicketAttachments(ticketId: string) {
  return useQuery({
    queryKey: attachmentKeys.ofTicket(ticketId),
    queryFn: () => api.get<{ items: Attachment[] }>(`/api/tickets/${ticketId}/attachments`).then((r) => r.items),
  });
}

export function useUploadAttachment(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, messageId }: { file: File; messageId?: string }) => {
      const form = new FormData();
      if (messageId) form.append('messageId', messageId);
      form.append('file', file);
      return api.upload<Attachment>(`/api/tickets/${ticketId}/attachments`, form);
    },
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) }),
        client.invalidateQueries({ queryKey: attachmentKeys.ofTicket(ticketId) }),
      ]),
  });
}

/** Why a file was refused, in the server's words (413: too large, 415: a type that may not be attached). */
function uploadProblem(file: File, error: unknown): string {
  const reason = error instanceof ApiError ? error.message : 'The upload failed; try again.';
  return `“${file.name}” was not attached: ${reason}`;
}

/** Files picked in the reply composer; they are uploaded once the message exists, with its id. */
export function useComposerFiles(ticketId: string) {
  const upload = useUploadAttachment(ticketId);
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  return {
    files,
    problems,
    uploading: upload.isPending,
    add: (picked: File[]) => {
      setProblems([]);
      setFiles((current) => [...current, ...picked.filter((f) => !current.some((c) => c.name === f.name && c.size === f.size))]);
    },
    remove: (file: File) => setFiles((current) => current.filter((f) => f !== file)),
    /** Uploads the picked files with the new message; the ones refused stay listed with the reason. */
    uploadFor: async (messageId: string) => {
      const refused: File[] = [];
      const reasons: string[] = [];
      for (const file of files) {
        try {
          await upload.mutateAsync({ file, messageId });
        } catch (error) {
          refused.push(file);
          reasons.push(uploadProblem(file, error));
        }
      }
      setFiles(refused);
      setProblems(reasons);
      return { attached: files.length - refused.length, refused: refused.length };
    },
  };
}

export type ComposerFiles = ReturnType<typeof useComposerFiles>;

/** The paperclip of the reply composer. */
export function AttachFilesButton({ files }: { files: ComposerFiles }) {
  return (
    <FileButton onChange={files.add} multiple>
      {(props) => (
        <Tooltip label="Attach files to this message" withArrow>
          <ActionIcon {...props} variant="default" size={30} aria-label="Attach files">
            <IconPaperclip size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </FileButton>
  );
}

/** The files waiting to go with the message, and why any were refused. */
export function ComposerFileList({ files }: { files: ComposerFiles }) {
  if (files.files.length === 0 && files.problems.length === 0) return null;
  return (
    <Stack gap={6} px="sm" pb="xs">
      {files.files.length > 0 && (
        <Group gap={6} aria-label="Files to attach" role="list">
          {files.files.map((file) => (
            <Badge
              key={`${file.name}:${file.size}`}
              role="listitem"
              variant="default"
              tt="none"
              size="lg"
              leftSection={<IconPaperclip size={12} />}
              rightSection={<CloseButton size="xs" aria-label={`Remove ${file.name}`} onClick={() => files.remove(file)} />}
            >
              {file.name} · {formatBytes(file.size)}
            </Badge>
          ))}
        </Group>
      )}
      {files.problems.map((problem) => (
        <Alert key={problem} color="red" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" role="alert">
          <Text size="sm">{problem}</Text>
        </Alert>
      ))}
    </Stack>
  );
}

/** Every file on the ticket, including those attached on their own, and "Attach file". */
export function TicketFilesCard({ ticketId, canUpload }: { ticketId: string; canUpload: boolean }) {
  const files = useTicketAttachments(ticketId);
  const upload = useUploadAttachment(ticketId);
  const [problem, setProblem] = useState<string | null>(null);
  const items = files.data ?? [];

  const attach = (file: File | null) => {
    if (!file) return;
    setProblem(null);
    upload.mutate(
      { file },
      { onSuccess: (a) => notifySuccess(`“${a.filename}” attached`), onError: (e) => setProblem(uploadProblem(file, e)) },
    );
  };

  return (
    <Card component="section" aria-label="Files">
      <Group justify="space-between" mb="sm">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          Files
        </Text>
        {canUpload && (
          <FileButton onChange={attach}>
            {(props) => (
              <Button {...props} variant="subtle" size="compact-xs" leftSection={<IconUpload size={14} />} loading={upload.isPending}>
                Attach file
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {files.isError && <QueryError error={files.error} onRetry={() => void files.refetch()} />}
      {problem && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={16} />}
          p="xs"
          mb="xs"
          role="alert"
          withCloseButton
          onClose={() => setProblem(null)}
        >
          <Text size="sm">{problem}</Text>
        </Alert>
      )}
      {files.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No files yet.
        </Text>
      )}
      <Stack gap={6}>
        {items.map((a) => (
          <Group key={a.id} gap={8} wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <IconPaperclip size={14} style={{ flexShrink: 0, color: 'var(--mantine-color-gray-6)' }} />
              <Anchor href={a.url} size="sm" truncate="end" title={a.filename}>
                {a.filename}
              </Anchor>
            </Group>
            <Tooltip label={`${formatDateTime(a.createdAt)}${a.messageId ? ' · with a message' : ''}`} withArrow>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatBytes(a.sizeBytes)} · {fromNow(a.createdAt)}
              </Text>
            </Tooltip>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
