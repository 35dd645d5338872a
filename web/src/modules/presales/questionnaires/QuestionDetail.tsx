import { Alert, Anchor, Badge, Button, Card, Group, Kbd, SegmentedControl, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconBooks, IconCheck, IconFlag, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState, type RefObject } from 'react';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useAddToLibrary, useQuestionAction, useUpdateQuestion, type Question, type QuestionAction } from './api';

const SHORT_ANSWERS = ['Yes', 'No', 'N/A'];

/** Where the export writes this question's answer, in the customer's workbook. */
function targetCells(q: Question): string {
  const parts = [
    q.cells.shortAnswer && `${q.cells.shortAnswer} (Yes/No)`,
    q.cells.answer && `${q.cells.answer} (answer)`,
    q.cells.comment && `${q.cells.comment} (comment)`,
  ].filter(Boolean);
  return parts.length
    ? `Exports to ${q.sheet}!${parts.join(', ')}`
    : 'No cell of the workbook takes this answer: it exports to the CSV only';
}

function SuggestionCard({ q, busy, onAct }: { q: Question; busy: boolean; onAct: (action: QuestionAction) => void }) {
  const s = q.suggestion!;
  return (
    <Card withBorder padding="sm" bg="var(--mantine-color-violet-light)" aria-label="Library suggestion">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge color="violet" variant="filled">
            Score {Math.round(s.score)}
          </Badge>
          {s.stale && (
            <Tooltip label="The library entry is past its review date: check the answer before you use it">
              <Badge color="orange" leftSection={<IconAlertTriangle size={12} />}>
                Stale entry
              </Badge>
            </Tooltip>
          )}
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            From the library:{' '}
            <Anchor component={Link} to={`/presales/library?entry=${s.entryId}`} size="xs">
              {s.question}
            </Anchor>
          </Text>
        </Group>
        {s.shortAnswer && (
          <Text size="sm" fw={700}>
            {s.shortAnswer}
          </Text>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {s.longAnswer}
        </Text>
        {q.status === 'suggested' && (
          <Group gap="xs">
            <Button size="xs" color="violet" onClick={() => onAct('accept')} loading={busy} rightSection={<Kbd size="xs">a</Kbd>}>
              Accept suggestion
            </Button>
            <Button size="xs" variant="subtle" color="gray" onClick={() => onAct('dismiss')} disabled={busy}>
              Dismiss
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The selected question: suggestion, answer editor, status actions, assignment and gap. */
export function QuestionDetail({
  question: q,
  canApprove,
  canWrite,
  editRef,
  onAssign,
  onGap,
}: {
  question: Question;
  canApprove: boolean;
  canWrite: boolean;
  editRef: RefObject<HTMLTextAreaElement | null>;
  onAssign: () => void;
  onGap: () => void;
}) {
  const update = useUpdateQuestion();
  const action = useQuestionAction();
  const addToLibrary = useAddToLibrary();
  const [short, setShort] = useState(q.answerShort ?? '');
  const [answer, setAnswer] = useState(q.answer ?? '');
  const [comment, setComment] = useState(q.comment ?? '');
  useEffect(() => {
    setShort(q.answerShort ?? '');
    setAnswer(q.answer ?? '');
    setComment(q.comment ?? '');
  }, [q.id, q.updatedAt, q.answerShort, q.answer, q.comment]);
  const dirty = short !== (q.answerShort ?? '') || answer !== (q.answer ?? '') || comment !== (q.comment ?? '');
  const busy = update.isPending || action.isPending;

  const act = (a: QuestionAction) => action.mutate({ id: q.id, action: a }, { onError: (e) => notifyError(e) });
  const save = () =>
    update.mutate(
      { id: q.id, answerShort: short.trim() || null, answer: answer.trim() || null, comment: comment.trim() || null },
      { onSuccess: () => notifySuccess('Answer saved as a draft.'), onError: (e) => notifyError(e) },
    );
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && dirty) {
      e.preventDefault();
      save();
    }
  };
  const shortOptions = SHORT_ANSWERS.includes(short) || !short ? SHORT_ANSWERS : [...SHORT_ANSWERS, short];

  return (
    <Stack gap="sm" pt="xs" onClick={(e) => e.stopPropagation()}>
      {q.suggestion && q.status === 'suggested' && <SuggestionCard q={q} busy={busy} onAct={act} />}
      {q.source && (
        <Group gap="xs" wrap="wrap">
          <IconBooks size={14} />
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {q.origin === 'library_edited' ? 'Adapted from' : 'From'} the library:{' '}
            <Anchor component={Link} to={`/presales/library?entry=${q.source.entryId}`} size="xs">
              {q.source.question}
            </Anchor>
          </Text>
          {q.source.stale && (
            <Badge size="xs" color="orange" leftSection={<IconAlertTriangle size={10} />}>
              Stale entry: check before approving
            </Badge>
          )}
        </Group>
      )}
      {q.origin === 'workbook' && q.status === 'drafted' && (
        <Text size="xs" c="dimmed">
          This answer was already in the workbook: check it before approving.
        </Text>
      )}
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="xs">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              Short answer
            </Text>
            <SegmentedControl
              size="xs"
              aria-label="Short answer"
              data={[...shortOptions.map((o) => ({ value: o, label: o })), { value: '', label: 'None' }]}
              value={short}
              onChange={setShort}
            />
          </Group>
          <Textarea
            ref={editRef}
            label="Answer"
            aria-label="Answer"
            placeholder="Write the answer the customer will read (press e to edit, Ctrl+Enter to save)"
            autosize
            minRows={3}
            maxRows={14}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          <Textarea
            label="Comment"
            autosize
            minRows={1}
            maxRows={6}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          <Text size="xs" c="dimmed">
            {targetCells(q)}
          </Text>
        </Stack>
      </fieldset>
      {canWrite && (
        <Group gap="xs" wrap="wrap">
          {dirty && (
            <Button size="xs" onClick={save} loading={update.isPending}>
              Save draft
            </Button>
          )}
          {q.status === 'drafted' && !dirty && (
            <Button size="xs" variant="light" onClick={() => act('review')} disabled={busy} rightSection={<Kbd size="xs">r</Kbd>}>
              Mark reviewed
            </Button>
          )}
          {(q.status === 'drafted' || q.status === 'reviewed') && !dirty && (
            <Tooltip label="Only the questionnaire’s owner or a pre-sales lead approves" disabled={canApprove}>
              <Button
                size="xs"
                color="teal"
                leftSection={<IconCheck size={14} />}
                onClick={() => act('approve')}
                disabled={busy || !canApprove}
                rightSection={<Kbd size="xs">p</Kbd>}
              >
                Approve
              </Button>
            </Tooltip>
          )}
          {(q.status === 'reviewed' || (q.status === 'approved' && canApprove)) && (
            <Button size="xs" variant="subtle" onClick={() => act('reopen')} disabled={busy}>
              Reopen
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconUserPlus size={14} />}
            onClick={onAssign}
            rightSection={<Kbd size="xs">s</Kbd>}
          >
            {q.assignee ? 'Reassign' : 'Assign'}
          </Button>
          {!q.gap && (
            <Button size="xs" variant="subtle" color="orange" leftSection={<IconFlag size={14} />} onClick={onGap}>
              Mark as gap
            </Button>
          )}
          {q.status === 'approved' && q.origin !== 'library' && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconBooks size={14} />}
              loading={addToLibrary.isPending}
              disabled={addToLibrary.isSuccess}
              onClick={() =>
                addToLibrary.mutate(q, {
                  onSuccess: () => notifySuccess('Added to the answer library as a draft entry for review.'),
                  onError: (e) => notifyError(e),
                })
              }
            >
              {addToLibrary.isSuccess ? 'In the library' : 'Add to library'}
            </Button>
          )}
        </Group>
      )}
      {q.gap && (
        <Alert color="orange" py={6} icon={<IconFlag size={14} />}>
          Filed as a product gap{' '}
          <Anchor component={Link} to="/feedback/inbox" size="sm">
            in the feedback inbox
          </Anchor>{' '}
          on {formatDate(q.gap.at)}.
        </Alert>
      )}
    </Stack>
  );
}
