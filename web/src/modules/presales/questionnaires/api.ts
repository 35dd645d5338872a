import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, withQuery, type Page } from '../../../lib/api-client';
import type { QueryParams } from '../../../lib/query-params';
import type {
  AssignInput,
  AutofillResult,
  BulkQuestionInput,
  BulkResult,
  CreateQuestionnaireInput,
  GapInput,
  ImportReport,
  MappingInput,
  Question,
  QuestionAction,
  Questionnaire,
  QuestionnaireSummary,
  QuestionStatus,
  SectionProgress,
  SheetMapping,
  SheetPreview,
  StatusCounts,
  UpdateQuestionInput,
  UpdateQuestionnaireInput,
  WorkbookPreview,
  questionListQuery,
  questionnaireListQuery,
} from '../../../../../src/modules/presales/contract/questionnaires';
import type { CreateLibraryEntryInput } from '../../../../../src/modules/presales/contract/library';
import {
  QUESTIONNAIRE_KINDS,
  QUESTIONNAIRE_KIND_LABELS,
  QUESTIONNAIRE_STATUS_LABELS,
  QUESTION_STATUSES,
  QUESTION_STATUS_LABELS,
} from '../../../../../src/modules/presales/contract/questionnaires';

// Shapes of the questionnaires API: src/modules/presales/contract/questionnaires.ts.
export type {
  AutofillResult,
  BulkResult,
  CreateQuestionnaireInput,
  ImportReport,
  MappingInput,
  Question,
  QuestionAction,
  Questionnaire,
  QuestionnaireSummary,
  QuestionStatus,
  SectionProgress,
  SheetMapping,
  SheetPreview,
  StatusCounts,
  WorkbookPreview,
};
export { QUESTIONNAIRE_KINDS, QUESTIONNAIRE_KIND_LABELS, QUESTIONNAIRE_STATUS_LABELS, QUESTION_STATUSES, QUESTION_STATUS_LABELS };
export type QuestionnaireListParams = QueryParams<typeof questionnaireListQuery>;
export type QuestionFilters = Omit<QueryParams<typeof questionListQuery>, 'cursor' | 'limit'>;

export const QUESTION_STATUS_COLORS: Record<QuestionStatus, string> = {
  unanswered: 'gray',
  suggested: 'violet',
  drafted: 'blue',
  reviewed: 'cyan',
  approved: 'teal',
};

// Under ['presales'], so whatever changes pre-sales data refreshes every pre-sales screen.
export const questionnaireKeys = {
  all: ['presales', 'questionnaires'] as const,
  list: (params: QuestionnaireListParams) => ['presales', 'questionnaires', 'list', params] as const,
  detail: (id: string) => ['presales', 'questionnaires', id] as const,
  questions: (id: string, filters: QuestionFilters) => ['presales', 'questionnaires', id, 'questions', filters] as const,
  workbook: (id: string) => ['presales', 'questionnaires', id, 'workbook'] as const,
  report: (id: string) => ['presales', 'questionnaires', id, 'report'] as const,
};

export function useQuestionnaires(params: QuestionnaireListParams) {
  return useQuery({
    queryKey: questionnaireKeys.list(params),
    queryFn: () => api.get<Page<QuestionnaireSummary>>('/api/questionnaires', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useQuestionnaire(id: string) {
  return useQuery({ queryKey: questionnaireKeys.detail(id), queryFn: () => api.get<Questionnaire>(`/api/questionnaires/${id}`) });
}

/** The questions in workbook order, 200 at a time. */
export function useQuestions(id: string, filters: QuestionFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: questionnaireKeys.questions(id, filters),
    queryFn: ({ pageParam }) =>
      api.get<Page<Question>>(`/api/questionnaires/${id}/questions`, { ...filters, cursor: pageParam, limit: 200 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useWorkbookPreview(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: questionnaireKeys.workbook(id ?? ''),
    queryFn: () => api.get<WorkbookPreview>(`/api/questionnaires/${id}/workbook`),
    enabled: enabled && id !== null,
    staleTime: Infinity,
  });
}

export function useImportReport(id: string, enabled: boolean) {
  return useQuery({
    queryKey: questionnaireKeys.report(id),
    queryFn: () => api.get<ImportReport>(`/api/questionnaires/${id}/import-report`),
    enabled,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: questionnaireKeys.all });
}

export function useCreateQuestionnaire() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateQuestionnaireInput) => api.post<Questionnaire>('/api/questionnaires', body),
    onSuccess: invalidate,
  });
}

export function useUpdateQuestionnaire(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateQuestionnaireInput) => api.patch<Questionnaire>(`/api/questionnaires/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteQuestionnaire() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/questionnaires/${id}`), onSuccess: invalidate });
}

export function useUploadWorkbook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<WorkbookPreview>(`/api/questionnaires/${id}/workbook`, form);
    },
    onSuccess: (preview, { id }) => {
      client.setQueryData(questionnaireKeys.workbook(id), preview);
      void client.invalidateQueries({ queryKey: questionnaireKeys.list({}) });
    },
  });
}

export function useImportMapping() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MappingInput }) => api.put<ImportReport>(`/api/questionnaires/${id}/mapping`, body),
    onSuccess: invalidate,
  });
}

export function useAutofill(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (threshold: number | undefined) =>
      api.post<AutofillResult>(`/api/questionnaires/${id}/autofill`, threshold === undefined ? {} : { threshold }),
    onSuccess: invalidate,
  });
}

/** Puts a changed question into every loaded list page, where it stays until the filter changes. */
function usePatchQuestion() {
  const client = useQueryClient();
  return (question: Question) => {
    client.setQueriesData<InfiniteData<Page<Question>>>(
      { queryKey: [...questionnaireKeys.detail(question.questionnaireId), 'questions'] },
      (data) =>
        data
          ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((q) => (q.id === question.id ? question : q)) })) }
          : data,
    );
    void client.invalidateQueries({ queryKey: questionnaireKeys.detail(question.questionnaireId), exact: true });
    void client.invalidateQueries({ queryKey: questionnaireKeys.list({}) });
  };
}

export function useUpdateQuestion() {
  const patch = usePatchQuestion();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateQuestionInput & { id: string }) => api.patch<Question>(`/api/questionnaire-questions/${id}`, body),
    onSuccess: patch,
  });
}

export function useQuestionAction() {
  const patch = usePatchQuestion();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: QuestionAction }) =>
      api.post<Question>(`/api/questionnaire-questions/${id}/${action}`),
    onSuccess: patch,
  });
}

export function useMarkGap() {
  const patch = usePatchQuestion();
  return useMutation({
    mutationFn: ({ id, ...body }: GapInput & { id: string }) => api.post<Question>(`/api/questionnaire-questions/${id}/gap`, body),
    onSuccess: patch,
  });
}

export function useBulkAction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BulkQuestionInput) => api.post<BulkResult>(`/api/questionnaires/${id}/questions/bulk`, body),
    onSuccess: invalidate,
  });
}

export function useAssign(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: AssignInput) => api.post<{ assigned: number; notified: string[] }>(`/api/questionnaires/${id}/assign`, body),
    onSuccess: invalidate,
  });
}

/** The export as a download link (the browser sends the session cookie). */
export function exportUrl(id: string, format: 'workbook' | 'csv', include: 'approved' | 'drafted' = 'approved'): string {
  return withQuery(`/api/questionnaires/${id}/export`, { format, include });
}

/** Opportunities of an account, for the import form's deal picker. */
export function useAccountOpportunities(accountId: string | null) {
  return useQuery({
    queryKey: ['presales', 'opportunities', 'for-account', accountId],
    queryFn: () => api.get<Page<{ id: string; name: string }>>('/api/opportunities', { accountId: accountId ?? undefined, limit: 100 }),
    enabled: accountId !== null,
  });
}

/** One opportunity's account, for the deal tab's import form. */
export function useOpportunityAccount(opportunityId: string) {
  return useQuery({
    queryKey: ['presales', 'opportunities', opportunityId, 'account'],
    queryFn: () => api.get<{ id: string; name: string; account: { id: string; name: string } }>(`/api/opportunities/${opportunityId}`),
  });
}

/** Total questions in a status count. */
export const totalOf = (c: StatusCounts) => QUESTION_STATUSES.reduce((sum, s) => sum + c[s], 0);

/** "Add to library": an approved answer becomes a library entry draft (the answer library's API). */
export function useAddToLibrary() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (q: Question) => {
      const body: CreateLibraryEntryInput = {
        question: q.question.slice(0, 2000),
        shortAnswer: shortAnswerCode(q.answerShort),
        longAnswer: q.answer ?? q.answerShort ?? '',
        sourceQuestionId: q.id,
      };
      return api.post<{ id: string }>('/api/library/entries', body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['presales', 'library'] }),
  });
}

/** The library keeps short answers as codes. */
export function shortAnswerCode(text: string | null): 'yes' | 'no' | 'n_a' | null {
  const t =
    text
      ?.trim()
      .toLowerCase()
      .replace(/[^a-z/]/g, '') ?? '';
  if (t === 'yes' || t === 'y') return 'yes';
  if (t === 'no' || t === 'n') return 'no';
  if (t === 'na' || t === 'n/a' || t === 'notapplicable') return 'n_a';
  return null;
}
