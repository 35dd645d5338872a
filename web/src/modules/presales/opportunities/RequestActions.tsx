import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useUpdateRequest, type DealSupportRequest } from './api';

type Status = DealSupportRequest['status'];

/** The moves a request offers from where it stands (the server allows the same ones). */
const MOVES: Record<Status, { to: Status; label: string }[]> = {
  new: [
    { to: 'accepted', label: 'Accept' },
    { to: 'declined', label: 'Decline' },
  ],
  accepted: [
    { to: 'in_progress', label: 'Start' },
    { to: 'done', label: 'Done' },
    { to: 'declined', label: 'Decline' },
  ],
  in_progress: [
    { to: 'done', label: 'Done' },
    { to: 'declined', label: 'Decline' },
  ],
  done: [{ to: 'in_progress', label: 'Reopen' }],
  declined: [{ to: 'new', label: 'Ask again' }],
};

/** Accept, start, finish, decline (with a reason) or reopen a deal-support request. */
export function RequestActions({ request }: { request: DealSupportRequest }) {
  const update = useUpdateRequest();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const move = (to: Status, declineReason?: string) =>
    update.mutate(
      { id: request.id, status: to, ...(declineReason ? { declineReason } : {}) },
      {
        onSuccess: () => {
          notifySuccess(to === 'declined' ? 'Request declined' : 'Request updated');
          setDeclining(false);
        },
        onError: (error) => notifyError(error),
      },
    );
  return (
    <>
      <Group gap={4} wrap="wrap">
        {MOVES[request.status].map((m) => (
          <Button
            key={m.to}
            size="compact-xs"
            variant={m.to === 'declined' ? 'subtle' : 'light'}
            color={m.to === 'declined' ? 'red' : undefined}
            loading={update.isPending && update.variables?.status === m.to}
            aria-label={`${m.label}: ${request.title}`}
            onClick={() => (m.to === 'declined' ? setDeclining(true) : move(m.to))}
          >
            {m.label}
          </Button>
        ))}
      </Group>
      <Modal opened={declining} onClose={() => setDeclining(false)} title={`Decline “${request.title}”?`} centered>
        <Stack gap="sm">
          <Textarea
            label="Why"
            description="The requester sees this and can ask again"
            placeholder="No demo environment for this product until next month"
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeclining(false)}>
              Cancel
            </Button>
            <Button color="red" disabled={!reason.trim()} loading={update.isPending} onClick={() => move('declined', reason.trim())}>
              Decline request
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
