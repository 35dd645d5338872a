import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useContacts } from '../../accounts/api';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useSendReview } from './api';

/** Picks contacts of the review's account and shares the review with them in the portal. */
export function SendReviewModal({
  reviewId,
  accountId,
  opened,
  onClose,
}: {
  reviewId: string;
  accountId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const contacts = useContacts(accountId);
  const send = useSendReview(reviewId);
  const [picked, setPicked] = useState<string[]>([]);
  const submit = async () => {
    try {
      await send.mutateAsync({ contactIds: picked });
      notifySuccess('The review is shared in the portal and the contacts were e-mailed.');
      onClose();
    } catch (error) {
      notifyError(error, 'The review was not sent');
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Send to customer">
      <Stack>
        <Text size="sm">The contacts you pick get an e-mail with a link; the review becomes read-only.</Text>
        <Checkbox.Group label="Contacts" value={picked} onChange={setPicked}>
          <Stack gap="xs" mt="xs">
            {(contacts.data ?? []).map((c) => (
              <Checkbox key={c.id} value={c.id} label={`${c.name} (${c.email})`} />
            ))}
          </Stack>
        </Checkbox.Group>
        {picked.length > 20 && (
          <Text size="sm" c="red">
            Send to at most 20 contacts at once.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} disabled={picked.length === 0 || picked.length > 20} loading={send.isPending}>
            Send
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
