import { Button, Card, Grid, Skeleton, Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { QueryError } from '../../../ui/QueryError';
import { notifyError } from '../../../ui/server-errors';
import { useQuestionAction, useQuestionnaire, useQuestions, type Question } from './api';
import { AssignModal, type AssignTarget } from './AssignModal';
import { GapModal } from './GapModal';
import { ImportReportModal } from './ImportReportModal';
import { QuestionFiltersBar } from './QuestionFiltersBar';
import { QuestionList } from './QuestionList';
import { SectionsPanel } from './SectionsPanel';
import { StatusCountsCard } from './StatusCountsCard';
import { useQuestionFilters } from './use-question-filters';
import { useQuestionSelection } from './use-question-selection';
import { useWorkspaceKeys } from './use-workspace-keys';
import { WorkspaceHeader } from './WorkspaceHeader';

/**
 * The questionnaire workspace: sections with their progress on the side, the questions in
 * workbook order with filters, and the selected question's suggestion, answer editor and actions.
 * Usable from the keyboard (see WORKSPACE_KEYS).
 */
export function QuestionnaireWorkspacePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { can } = useAuth();
  const questionnaire = useQuestionnaire(id);
  const filterState = useQuestionFilters();
  const list = useQuestions(id, filterState.filters, questionnaire.data?.status !== 'mapping');
  const { items, selected, selectedId, select, move, nextUnanswered } = useQuestionSelection(list, params.get('question'));
  const [assignTarget, setAssignTarget] = useState<AssignTarget | null>(null);
  const [gapFor, setGapFor] = useState<Question | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const editRef = useRef<HTMLTextAreaElement | null>(null);
  const action = useQuestionAction();
  const canWrite = can('presales.write');
  const canApprove = Boolean(questionnaire.data?.canApprove);

  // A key does what the selected question's buttons would: only the step its status allows.
  const run = (a: 'accept' | 'review' | 'approve') => {
    if (!selected || !canWrite) return;
    const allowed =
      (a === 'accept' && selected.status === 'suggested') ||
      (a === 'review' && selected.status === 'drafted') ||
      (a === 'approve' && canApprove && (selected.status === 'drafted' || selected.status === 'reviewed'));
    if (!allowed) return;
    action.mutate({ id: selected.id, action: a }, { onError: (e) => notifyError(e) });
  };

  useWorkspaceKeys({
    move,
    nextUnanswered,
    accept: () => run('accept'),
    edit: () => editRef.current?.focus(),
    review: () => run('review'),
    approve: () => run('approve'),
    assign: () => selected && canWrite && setAssignTarget({ kind: 'question', question: selected }),
    help: () => setHelpOpen((o) => !o),
  });

  if (questionnaire.isError) return <QueryError error={questionnaire.error} onRetry={() => void questionnaire.refetch()} />;
  if (!questionnaire.data)
    return (
      <Stack>
        <Skeleton height={40} />
        <Skeleton height={300} />
      </Stack>
    );
  const data = questionnaire.data;

  return (
    <Stack gap="md">
      <WorkspaceHeader
        questionnaire={data}
        items={items}
        canWrite={canWrite}
        canApprove={canApprove}
        helpOpen={helpOpen}
        onHelpChange={setHelpOpen}
        onOpenReport={() => setReportOpen(true)}
      />
      {data.status === 'mapping' ? (
        <Card withBorder>
          <EmptyState
            title="The workbook’s columns are not mapped yet"
            description="Open Questionnaires and choose this questionnaire to map its columns and import the questions."
            action={
              <Button component={Link} to="/presales/questionnaires" variant="light">
                Back to questionnaires
              </Button>
            }
          />
        </Card>
      ) : (
        <>
          <StatusCountsCard counts={data.progress} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
              <SectionsPanel
                sections={data.sections}
                active={filterState.section}
                onChoose={filterState.setSection}
                onAssign={(s) => setAssignTarget({ kind: 'section', section: s })}
                canWrite={canWrite}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              <Stack gap="sm">
                <QuestionFiltersBar
                  questionnaire={data}
                  state={filterState}
                  canWrite={canWrite}
                  onAssignSection={(s) => setAssignTarget({ kind: 'section', section: s })}
                />
                <QuestionList
                  list={list}
                  items={items}
                  selectedId={selectedId}
                  onSelect={select}
                  canWrite={canWrite}
                  canApprove={canApprove}
                  editRef={editRef}
                  onAssign={(q) => setAssignTarget({ kind: 'question', question: q })}
                  onGap={setGapFor}
                />
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
      <AssignModal questionnaireId={id} target={assignTarget} onClose={() => setAssignTarget(null)} />
      <GapModal question={gapFor} onClose={() => setGapFor(null)} />
      <ImportReportModal questionnaireId={id} opened={reportOpen} onClose={() => setReportOpen(false)} />
    </Stack>
  );
}
