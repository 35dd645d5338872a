import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useMergeRequest, type FeatureRequest } from './api';
import { RequestSelect } from './RequestSelect';

interface Props {
  request: FeatureRequest;
  opened: boolean;
  onClose: () => void;
  onMerged: (survivor: FeatureRequest) => void;
}

/** Folds this request into another: its items and votes move there, and this page points to it. */
export function MergeRequestModal({ request, opened, onClose, onMerged }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Merge “${request.title}” into…`} size="lg" centered>
      {opened && <MergeForm request={request} onClose={onClose} onMerged={onMerged} />}
    </Modal>
  );
}

function MergeForm({ request, onClose, onMerged }: Omit<Props, 'opened'>) {
  const merge = useMergeRequest(request.id);
  const [into, setInto] = useState<{ id: string; title: string } | null>(null);
  return (
    <Stack>
      <RequestSelect
        label="The request that stays"
        placeholder="Search requests"
        excludeId={request.id}
        value={into?.id ?? null}
        onChange={(id, title) => setInto(id ? { id, title: title ?? '' } : null)}
      />
      <Alert color="grape" variant="light">
        <Text size="sm">
          Its {request.itemCount} {request.itemCount === 1 ? 'item moves' : 'items move'}
          {into ? ` to “${into.title}”` : ''}, which counts every customer once. This request then only points there; it cannot be undone
          from here.
        </Text>
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          color="grape"
          disabled={!into}
          loading={merge.isPending}
          onClick={() =>
            into &&
            merge.mutate(into.id, {
              onSuccess: (survivor) => {
                notifySuccess(`Merged into “${survivor.title}”.`);
                onClose();
                onMerged(survivor);
              },
              onError: (error) => notifyError(error),
            })
          }
        >
          Merge
        </Button>
      </Group>
    </Stack>
  );
}
