import { Alert, Button, Group, Text } from '@mantine/core';
import { useAuth } from '../../../lib/auth';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useDiscardDraftedReply, useSendDraftedReply } from './api';

/** The public reply drafted when the fix shipped: the agent reads it, then sends or discards it. */
export function DraftedReply({ issueId, ticketId, text }: { issueId: string; ticketId: string; text: string }) {
  const { can } = useAuth();
  const send = useSendDraftedReply();
  const discard = useDiscardDraftedReply();
  return (
    <Alert variant="light" color="teal" title="Drafted reply: the fix shipped" aria-label="Drafted reply">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
      {can('feedback.write') && (
        <Group gap="xs" mt="sm">
          <Button
            size="xs"
            loading={send.isPending}
            onClick={() =>
              send.mutate(
                { issueId, ticketId },
                { onSuccess: () => notifySuccess('Reply sent.'), onError: (e) => notifyError(e, 'The reply was not sent') },
              )
            }
          >
            Send
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={discard.isPending}
            onClick={() => discard.mutate({ issueId, ticketId }, { onError: (e) => notifyError(e, 'The draft was not discarded') })}
          >
            Discard
          </Button>
        </Group>
      )}
    </Alert>
  );
}
