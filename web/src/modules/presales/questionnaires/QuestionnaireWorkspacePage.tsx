import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Grid,
  Group,
  Kbd,
  Loader,
  Menu,
  Modal,
  NumberInput,
  Popover,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconFileReport, IconKeyboard, IconSearch, IconSparkles, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import {
  QUESTIONNAIRE_KIND_LABELS,
  QUESTION_STATUSES,
  QUESTION_STATUS_COLORS,
  QUESTION_STATUS_LABELS,
  exportUrl,
  useAutofill,
  useBulkAction,
  useImportReport,
  useQuestionAction,
  useQuestionnaire,
  useQuestions,
  useUpdateQuestionnaire,
  type Question,
  type QuestionFilters,
  type QuestionStatus,
  type Questionnaire,
  type SectionProgress,
} from './api';
import { AssignModal, type AssignTarget } from './AssignModal';
import { GapModal } from './GapModal';
import { ImportReportView } from './ImportReportView';
import { QuestionDetail } from './QuestionDetail';
import { DueDate, QuestionnaireStatusBadge } from './QuestionnaireList';
import { StatusProgress } from './StatusProgress';
import { WORKSPACE_KEYS, useWorkspaceKeys } from './use-workspace-keys';

const NEEDS_ANSWER = new Set<QuestionStatus>(['unanswered', 'suggested']);

function KeyboardHelp({ opened, onChange }: { opened: boolean; onChange: (o: boolean) => void }) {
  return (
    <Popover opened={opened} onChange={onChange} position="bottom-end" withArrow shadow="md" width={300}>
      <Popover.Target>
        <Tooltip label="Keyboard shortcuts (?)">
          <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" onClick={() => onChange(!opened)}>
            <IconKeyboard size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} size="sm" mb="xs">
          Keyboard shortcuts
        </Text>
        <Table withRowBorders={false} verticalSpacing={2} aria-label="Keyboard shortcuts">
          <Table.Tbody>
            {WORKSPACE_KEYS.map((k) => (
              <Table.Tr key={k.what}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {k.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && (k.keys[0] === 'Ctrl' ? ' + ' : ' / ')}
                      <Kbd size="xs">{key}</Kbd>
                    </span>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{k.what}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}

function AutofillButton({ questionnaire }: { questionnaire: Questionnaire }) {
  const autofill = useAutofill(questionnaire.id);
  const [threshold, setThreshold] = useState<number | string>(questionnaire.autofill?.threshold ?? '');
  const [opened, setOpened] = useState(false);
  const run = () =>
    autofill.mutate(typeof threshold === 'number' ? threshold : undefined, {
      onSuccess: (r) => {
        setOpened(false);
        notifySuccess(
          `${r.suggested} suggestion${r.suggested === 1 ? '' : 's'} from the library${r.stale ? ` (${r.stale} from entries due for review)` : ''}; ${r.noMatch} without a match. Nothing is approved until someone approves it.`,
        );
      },
      onError: (e) => notifyError(e),
    });
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md" width={280}>
      <Popover.Target>
        <Button leftSection={<IconSparkles size={16} />} variant="light" onClick={() => setOpened((o) => !o)} loading={autofill.isPending}>
          Auto-fill
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">
            Suggest answers from the answer library for every question without a draft. Drafted, reviewed and approved answers are left
            alone.
          </Text>
          <NumberInput
            label="Lowest score"
            description="0–100; empty uses the library’s default"
            min={0}
            max={100}
            value={threshold}
            onChange={setThreshold}
          />
          <Button onClick={run} loading={autofill.isPending}>
            Suggest answers
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function ExportMenu({ id }: { id: string }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>The customer’s file, answers in their cells</Menu.Label>
        <Menu.Item component="a" href={exportUrl(id, 'workbook')} download>
          Workbook: approved answers
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(id, 'workbook', 'drafted')} download>
          Workbook: drafts included
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>One row per question</Menu.Label>
        <Menu.Item component="a" href={exportUrl(id, 'csv')} download>
          CSV: approved answers
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(id, 'csv', 'drafted')} download>
          CSV: drafts included
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function SectionsPanel({
  sections,
  active,
  onChoose,
  onAssign,
  canWrite,
}: {
  sections: SectionProgress[];
  active: string | undefined;
  onChoose: (key: string | undefined) => void;
  onAssign: (s: SectionProgress) => void;
  canWrite: boolean;
}) {
  return (
    <Card p={0} withBorder>
      <Stack gap={0} component="nav" aria-label="Sections">
        <UnstyledButton
          px="sm"
          py={8}
          onClick={() => onChoose(undefined)}
          bg={active === undefined ? 'var(--mantine-color-blue-light)' : undefined}
          aria-current={active === undefined ? 'true' : undefined}
        >
          <Text size="sm" fw={600}>
            All sections
          </Text>
        </UnstyledButton>
        {sections.map((s) => (
          <Group
            key={s.key}
            gap={4}
            px="sm"
            py={6}
            wrap="nowrap"
            bg={active === s.key ? 'var(--mantine-color-blue-light)' : undefined}
            style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
          >
            <UnstyledButton
              style={{ flex: 1, minWidth: 0 }}
              onClick={() => onChoose(s.key)}
              aria-current={active === s.key ? 'true' : undefined}
            >
              <Stack gap={2}>
                <Text size="sm" fw={500} lineClamp={2}>
                  {s.section}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {s.sheet} · {s.progress.approved}/{s.total} approved
                  {s.assignees.length ? ` · ${s.assignees.map((a) => a.name).join(', ')}` : ''}
                  {s.dueOn ? ` · due ${s.dueOn}` : ''}
                </Text>
                <StatusProgress counts={s.progress} label={false} size="sm" />
              </Stack>
            </UnstyledButton>
            {canWrite && (
              <Tooltip label="Assign this section">
                <ActionIcon variant="subtle" size="sm" aria-label={`Assign section ${s.section}`} onClick={() => onAssign(s)}>
                  <IconUserPlus size={14} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function QuestionRow({
  q,
  selected,
  onSelect,
  children,
}: {
  q: Question;
  selected: boolean;
  onSelect: () => void;
  children?: React.ReactNode;
}) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <Card
      ref={ref}
      component="li"
      withBorder
      padding="sm"
      aria-selected={selected}
      aria-label={`Question ${q.reference ?? q.position}`}
      data-question-id={q.id}
      style={{
        cursor: selected ? 'default' : 'pointer',
        borderColor: selected ? 'var(--mantine-color-blue-filled)' : undefined,
        boxShadow: selected ? '0 0 0 1px var(--mantine-color-blue-filled)' : undefined,
      }}
      onClick={onSelect}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap">
            {q.reference && (
              <Text size="xs" fw={700} c="dimmed">
                {q.reference}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {q.sheet}!{q.cells.question}
            </Text>
            {q.gap && (
              <Badge size="xs" color="orange" variant="light">
                Gap
              </Badge>
            )}
          </Group>
          <Text
            size="sm"
            fw={selected ? 600 : 400}
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            lineClamp={selected ? undefined : 3}
          >
            {q.question}
          </Text>
          {!selected && (q.answerShort || q.answer) && (
            <Text size="xs" c="dimmed" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
              {[q.answerShort, q.answer].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Badge color={QUESTION_STATUS_COLORS[q.status]} variant="light">
            {QUESTION_STATUS_LABELS[q.status]}
          </Badge>
          {q.status === 'suggested' && q.suggestion && (
            <Text size="xs" c={q.suggestion.stale ? 'orange' : 'violet'}>
              {Math.round(q.suggestion.score)}
              {q.suggestion.stale ? ' · stale' : ''}
            </Text>
          )}
          {q.assignee && (
            <Text size="xs" c="dimmed" truncate maw={140}>
              {q.assignee.name}
              {q.assignmentDueOn ? ` · ${q.assignmentDueOn}` : ''}
            </Text>
          )}
        </Stack>
      </Group>
      {children}
    </Card>
  );
}

/**
 * The questionnaire workspace: sections with their progress on the side, the questions in
 * workbook order with filters, and the selected question's suggestion, answer editor and actions.
 * Usable from the keyboard (see WORKSPACE_KEYS).
 */
export function QuestionnaireWorkspacePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { can } = useAuth();
  const questionnaire = useQuestionnaire(id);
  const [status, setStatus] = useState<QuestionStatus | 'all'>('all');
  const [section, setSection] = useState<string | undefined>();
  const mine = params.get('assignee') === 'me';
  const [gapsOnly, setGapsOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const filters: QuestionFilters = {
    ...(status !== 'all' && { status }),
    ...(section && { section }),
    ...(mine && { assignee: 'me' }),
    ...(gapsOnly && { gap: 'true' }),
    ...(q && { q }),
  };
  const list = useQuestions(id, filters, questionnaire.data?.status !== 'mapping');
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [selectedId, setSelectedId] = useState<string | null>(params.get('question'));
  const selectedIndex = items.findIndex((x) => x.id === selectedId);
  const selected = selectedIndex >= 0 ? items[selectedIndex]! : null;
  const [assignTarget, setAssignTarget] = useState<AssignTarget | null>(null);
  const [gapFor, setGapFor] = useState<Question | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const [wantNext, setWantNext] = useState(false);
  const editRef = useRef<HTMLTextAreaElement | null>(null);
  const action = useQuestionAction();
  const bulk = useBulkAction(id);
  const update = useUpdateQuestionnaire(id);
  const report = useImportReport(id, reportOpen);
  const canWrite = can('presales.write');
  const canApprove = Boolean(questionnaire.data?.canApprove);

  // Select the first question once the list arrives (or the one the link names, once its page is loaded).
  useEffect(() => {
    if (!items.length) return;
    if (selectedId && selectedIndex >= 0) return;
    const wanted = params.get('question');
    if (wanted && !items.some((x) => x.id === wanted) && list.hasNextPage && !list.isFetchingNextPage) {
      void list.fetchNextPage();
      return;
    }
    setSelectedId(wanted && items.some((x) => x.id === wanted) ? wanted : items[0]!.id);
  }, [items, selectedId, selectedIndex, params, list]);

  const findNext = (from: number) => items.findIndex((x, i) => i > from && NEEDS_ANSWER.has(x.status));
  // "n" past the loaded pages: load the next page and look again.
  useEffect(() => {
    if (!wantNext || list.isFetchingNextPage) return;
    const next = findNext(selectedIndex);
    if (next >= 0) {
      setSelectedId(items[next]!.id);
      setWantNext(false);
    } else if (list.hasNextPage) void list.fetchNextPage();
    else {
      setWantNext(false);
      notifySuccess('No unanswered question after this one.');
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantNext, items, list.isFetchingNextPage]);

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
    move: (delta) => {
      if (!items.length) return;
      const next = Math.min(Math.max((selectedIndex < 0 ? -1 : selectedIndex) + delta, 0), items.length - 1);
      setSelectedId(items[next]!.id);
      if (delta === 1 && next === items.length - 1 && list.hasNextPage) void list.fetchNextPage();
    },
    nextUnanswered: () => setWantNext(true),
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
  const counts = data.progress;
  const visibleSuggested = items.filter((x) => x.status === 'suggested' && x.suggestion && !x.suggestion.stale).map((x) => x.id);
  const visibleReviewed = items.filter((x) => x.status === 'reviewed').map((x) => x.id);
  const runBulk = (a: 'accept' | 'approve', ids: string[]) =>
    bulk.mutate(
      { action: a, questionIds: ids.slice(0, 500) },
      {
        onSuccess: (r) =>
          notifySuccess(
            `${r.done} question${r.done === 1 ? '' : 's'} ${a === 'accept' ? 'accepted' : 'approved'}${r.refused.length ? `; ${r.refused.length} refused` : ''}.`,
          ),
        onError: (e) => notifyError(e),
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Group gap="xs" wrap="wrap">
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              {data.title}
            </Title>
            <QuestionnaireStatusBadge q={data} />
          </Group>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" c="dimmed">
              {QUESTIONNAIRE_KIND_LABELS[data.kind]} ·
            </Text>
            <Anchor component={Link} to={`/accounts/${data.account.id}`} size="sm">
              {data.account.name}
            </Anchor>
            {data.opportunity && (
              <>
                <Text size="sm" c="dimmed">
                  ·
                </Text>
                <Anchor component={Link} to={`/presales/opportunities/${data.opportunity.id}`} size="sm">
                  {data.opportunity.name}
                </Anchor>
              </>
            )}
            <Text size="sm" c="dimmed">
              · owner {data.owner?.name ?? 'none'} ·
            </Text>
            <DueDate dueOn={data.dueOn} done={data.status === 'submitted'} />
          </Group>
        </Stack>
        <Group gap="xs" wrap="wrap">
          {canWrite && data.status !== 'mapping' && <AutofillButton questionnaire={data} />}
          {data.status !== 'mapping' && <ExportMenu id={id} />}
          {data.importSummary && (
            <Button variant="default" leftSection={<IconFileReport size={16} />} onClick={() => setReportOpen(true)}>
              Import report
            </Button>
          )}
          {canWrite && data.status !== 'mapping' && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default">More</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item disabled={!visibleSuggested.length} onClick={() => runBulk('accept', visibleSuggested)}>
                  Accept the {visibleSuggested.length} fresh suggestions shown
                </Menu.Item>
                <Menu.Item disabled={!visibleReviewed.length || !canApprove} onClick={() => runBulk('approve', visibleReviewed)}>
                  Approve the {visibleReviewed.length} reviewed answers shown
                </Menu.Item>
                <Menu.Divider />
                {data.status === 'submitted' ? (
                  <Menu.Item onClick={() => update.mutate({ status: 'in_progress' }, { onError: (e) => notifyError(e) })}>
                    Reopen for answers
                  </Menu.Item>
                ) : (
                  <Menu.Item onClick={() => update.mutate({ status: 'submitted' }, { onError: (e) => notifyError(e) })}>
                    Mark as sent to the customer
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
          <KeyboardHelp opened={helpOpen} onChange={setHelpOpen} />
        </Group>
      </Group>

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
          <Card withBorder padding="sm">
            <Stack gap={6}>
              <StatusProgress counts={counts} size="lg" />
              <Group gap="md" wrap="wrap">
                {QUESTION_STATUSES.map((s) => (
                  <Text key={s} size="xs" c="dimmed">
                    <Badge size="xs" circle color={QUESTION_STATUS_COLORS[s]} mr={4}>
                      {' '}
                    </Badge>
                    {QUESTION_STATUS_LABELS[s]} {counts[s]}
                  </Text>
                ))}
              </Group>
            </Stack>
          </Card>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
              <SectionsPanel
                sections={data.sections}
                active={section}
                onChoose={setSection}
                onAssign={(s) => setAssignTarget({ kind: 'section', section: s })}
                canWrite={canWrite}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              <Stack gap="sm">
                <Group gap="sm" wrap="wrap" align="flex-end">
                  <Select
                    hiddenFrom="md"
                    label="Section"
                    w="100%"
                    clearable
                    placeholder="All sections"
                    data={data.sections.map((s) => ({ value: s.key, label: `${s.section} (${s.progress.approved}/${s.total})` }))}
                    value={section ?? null}
                    onChange={(v) => setSection(v ?? undefined)}
                  />
                  <Select
                    label="Status"
                    w={{ base: 'calc(50% - 6px)', xs: 170 }}
                    allowDeselect={false}
                    data={[
                      { value: 'all', label: `All (${data.questionCount})` },
                      ...QUESTION_STATUSES.map((s) => ({ value: s, label: `${QUESTION_STATUS_LABELS[s]} (${counts[s]})` })),
                    ]}
                    value={status}
                    onChange={(v) => setStatus((v ?? 'all') as QuestionStatus | 'all')}
                  />
                  <TextInput
                    label="Search"
                    leftSection={<IconSearch size={14} />}
                    placeholder="Question, number or answer"
                    w={{ base: 'calc(50% - 6px)', xs: 240 }}
                    value={search}
                    onChange={(e) => setSearch(e.currentTarget.value)}
                  />
                  <Chip
                    checked={mine}
                    onChange={(on) => {
                      const next = new URLSearchParams(params);
                      if (on) next.set('assignee', 'me');
                      else next.delete('assignee');
                      setParams(next, { replace: true });
                    }}
                  >
                    Assigned to me
                  </Chip>
                  <Chip checked={gapsOnly} onChange={setGapsOnly}>
                    Gaps
                  </Chip>
                  {section && (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconUserPlus size={14} />}
                      onClick={() => {
                        const s = data.sections.find((x) => x.key === section);
                        if (s) setAssignTarget({ kind: 'section', section: s });
                      }}
                      hidden={!canWrite}
                    >
                      Assign section
                    </Button>
                  )}
                </Group>
                {list.isError ? (
                  <QueryError error={list.error} onRetry={() => void list.refetch()} />
                ) : list.isPending ? (
                  <Stack gap="xs">
                    {[0, 1, 2, 3].map((i) => (
                      <Skeleton key={i} height={64} />
                    ))}
                  </Stack>
                ) : items.length === 0 ? (
                  <Card withBorder>
                    <EmptyState title="No question matches" description="Change the filters to see more questions." />
                  </Card>
                ) : (
                  <Stack
                    gap="xs"
                    component="ul"
                    aria-label="Questions"
                    style={{ listStyle: 'none', padding: 0, margin: 0, opacity: list.isPlaceholderData ? 0.6 : 1 }}
                  >
                    {items.map((x) => (
                      <QuestionRow key={x.id} q={x} selected={x.id === selectedId} onSelect={() => setSelectedId(x.id)}>
                        {x.id === selectedId && (
                          <QuestionDetail
                            question={x}
                            canApprove={canApprove}
                            canWrite={canWrite}
                            editRef={editRef}
                            onAssign={() => setAssignTarget({ kind: 'question', question: x })}
                            onGap={() => setGapFor(x)}
                          />
                        )}
                      </QuestionRow>
                    ))}
                  </Stack>
                )}
                {list.hasNextPage && (
                  <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    Load more questions
                  </Button>
                )}
                {list.isFetching && !list.isPending && !list.isFetchingNextPage && <Loader size="xs" />}
                <Text size="xs" c="dimmed">
                  Press <Kbd size="xs">?</Kbd> for keyboard shortcuts.
                </Text>
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
      <AssignModal questionnaireId={id} target={assignTarget} onClose={() => setAssignTarget(null)} />
      <GapModal question={gapFor} onClose={() => setGapFor(null)} />
      <Modal opened={reportOpen} onClose={() => setReportOpen(false)} title="Import report" size="xl" centered>
        {report.data ? (
          <ImportReportView report={report.data} />
        ) : report.isError ? (
          <QueryError error={report.error} />
        ) : (
          <Loader size="sm" />
        )}
      </Modal>
    </Stack>
  );
}
