import { useState } from 'react';
import { Badge, Button, Group, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useAuth } from '../../../lib/auth';
import { fromNow } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifyError } from '../../../ui/server-errors';
import { useAddComment, useTaskComments } from './api';

export function TaskComments({ taskId }: { taskId: string }) {
  const { can } = useAuth();
  const comments = useTaskComments(taskId);
  const add = useAddComment(taskId);
  const [body, setBody] = useState('');

  const submit = () =>
    add.mutate(body.trim(), {
      onSuccess: () => setBody(''),
      onError: (e) => notifyError(e, 'The comment was not added'),
    });

  return (
    <Stack gap="sm" role="group" aria-label="Comments">
      {comments.isPending && <Skeleton height={40} />}
      {comments.isError && <QueryError error={comments.error} onRetry={() => void comments.refetch()} />}
      {comments.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {comments.data?.map((c) => (
          <li key={c.id}>
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {c.author.name}
              </Text>
              {c.author.type === 'contact' && (
                <Badge size="xs" variant="light" color="grape">
                  Customer
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {fromNow(c.createdAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
          </li>
        ))}
      </Stack>
      {can('delivery.write') && (
        <>
          <Textarea label="Add a comment" autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" disabled={!body.trim()} loading={add.isPending} onClick={submit}>
              Comment
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
