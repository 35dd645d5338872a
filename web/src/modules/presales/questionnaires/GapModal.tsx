import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useMarkGap, type Question } from './api';

const IMPACTS = [
  { value: 'blocker', label: 'Blocker: the deal depends on it' },
  { value: 'important', label: 'Important' },
  { value: 'nice_to_have', label: 'Nice to have' },
];

/** "Mark as gap": a question the product cannot answer becomes a feedback item on the account. */
export function GapModal({ question, onClose }: { question: Question | null; onClose: () => void }) {
  return (
    <Modal opened={question !== null} onClose={onClose} title="Mark as a product gap" centered>
      {question && <GapForm question={question} onClose={onClose} />}
    </Modal>
  );
}

function GapForm({ question, onClose }: { question: Question; onClose: () => void }) {
  const mark = useMarkGap();
  const [title, setTitle] = useState(question.question.replace(/\s+/g, ' ').slice(0, 200));
  const [impact, setImpact] = useState<string | null>('important');
  const [note, setNote] = useState('');
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        The question goes to the feedback inbox on the customer’s account, so product sees the need with the revenue behind it. It can still
        be answered here.
      </Text>
      <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} data-autofocus />
      <Select label="Impact" data={IMPACTS} value={impact} onChange={setImpact} allowDeselect={false} />
      <Textarea
        label="Note"
        description="Context for the product team"
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          loading={mark.isPending}
          disabled={!title.trim()}
          onClick={() =>
            mark.mutate(
              {
                id: question.id,
                title: title.trim(),
                impact: (impact ?? 'important') as 'important',
                ...(note.trim() && { note: note.trim() }),
              },
              {
                onSuccess: () => {
                  notifySuccess('Filed as a feedback gap on the account.');
                  onClose();
                },
                onError: (e) => notifyError(e),
              },
            )
          }
        >
          File the gap
        </Button>
      </Group>
    </Stack>
  );
}
