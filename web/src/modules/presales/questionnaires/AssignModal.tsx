import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useMemberOptions } from '../../team/api';
import { useAssign, type Question, type SectionProgress } from './api';

export type AssignTarget = { kind: 'question'; question: Question } | { kind: 'section'; section: SectionProgress };

/** Assign one question or a whole section to an expert, with a due date; the expert is told in the app and by e-mail. */
export function AssignModal({
  questionnaireId,
  target,
  onClose,
}: {
  questionnaireId: string;
  target: AssignTarget | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={target !== null} onClose={onClose} title={target?.kind === 'section' ? 'Assign section' : 'Assign question'} centered>
      {target && <AssignForm questionnaireId={questionnaireId} target={target} onClose={onClose} />}
    </Modal>
  );
}

function AssignForm({ questionnaireId, target, onClose }: { questionnaireId: string; target: AssignTarget; onClose: () => void }) {
  const members = useMemberOptions();
  const assign = useAssign(questionnaireId);
  const current = target.kind === 'question' ? target.question.assignee?.id : target.section.assignees[0]?.id;
  const [assigneeId, setAssigneeId] = useState<string | null>(current ?? null);
  const [dueOn, setDueOn] = useState((target.kind === 'question' ? target.question.assignmentDueOn : target.section.dueOn) ?? '');
  const what =
    target.kind === 'section'
      ? `“${target.section.section}” (${target.section.total} questions)`
      : `${target.question.reference ? `${target.question.reference} ` : ''}${target.question.question.slice(0, 120)}`;
  const save = (id: string | null) =>
    assign.mutate(
      {
        ...(target.kind === 'section' ? { section: target.section.key } : { questionIds: [target.question.id] }),
        assigneeId: id,
        dueOn: dueOn || null,
      },
      {
        onSuccess: (r) => {
          notifySuccess(
            id
              ? `${r.assigned} question${r.assigned === 1 ? '' : 's'} assigned${r.notified.length ? '; the expert was told in Outpost and by e-mail' : ''}.`
              : 'Assignment removed.',
          );
          onClose();
        },
        onError: (e) => notifyError(e),
      },
    );
  return (
    <Stack gap="sm">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {what}
      </Text>
      <Select
        label="Expert"
        placeholder="Choose a member"
        data={members.options}
        searchable
        value={assigneeId}
        onChange={setAssigneeId}
        data-autofocus
      />
      <TextInput type="date" label="Due" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
      <Group justify="space-between">
        {current ? (
          <Button variant="subtle" color="red" onClick={() => save(null)} loading={assign.isPending}>
            Remove assignment
          </Button>
        ) : (
          <span />
        )}
        <Group gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => save(assigneeId)} disabled={!assigneeId} loading={assign.isPending}>
            Assign
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
