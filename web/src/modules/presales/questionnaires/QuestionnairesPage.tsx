import { Button, Card, Select, Skeleton, Stack } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { CursorPager } from '../../../ui/CursorPager';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import {
  QUESTIONNAIRE_KINDS,
  QUESTIONNAIRE_KIND_LABELS,
  QUESTIONNAIRE_STATUS_LABELS,
  useQuestionnaires,
  type QuestionnaireListParams,
  type QuestionnaireSummary,
} from './api';
import { ImportQuestionnaireModal } from './ImportQuestionnaireModal';
import { QuestionnaireList } from './QuestionnaireList';

/** Every questionnaire (RFP, security) being answered, most recently worked on first, with progress and due dates. */
export function QuestionnairesPage() {
  const { can } = useAuth();
  const [filters, setFilters] = useState<Omit<QuestionnaireListParams, 'cursor'>>({});
  const [cursor, setCursor] = useState<string | undefined>();
  const pages = useCursorPages(cursor, setCursor);
  const list = useQuestionnaires({ ...filters, cursor, limit: 50 });
  const [importing, setImporting] = useState(false);
  const [resume, setResume] = useState<QuestionnaireSummary | null>(null);
  const items = list.data?.items ?? [];
  const setFilter = (patch: Partial<QuestionnaireListParams>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setCursor(undefined);
    pages.reset();
  };
  const canWrite = can('presales.write');
  return (
    <>
      <PageHeader
        title="Questionnaires"
        description="Security questionnaires and RFPs: import the customer’s workbook, answer from the library, export it back."
        actions={
          canWrite && (
            <>
              <Button leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)} visibleFrom="sm">
                Import questionnaire
              </Button>
              <Button
                leftSection={<IconUpload size={16} />}
                onClick={() => setImporting(true)}
                hiddenFrom="sm"
                aria-label="Import questionnaire"
              >
                Import
              </Button>
            </>
          )
        }
      />
      <Card p={0}>
        <FilterBar
          search={{ placeholder: 'Title', value: filters.q, onSearch: (q) => setFilter({ q: q || undefined }) }}
          active={Boolean(filters.kind || filters.status || filters.q)}
          onClear={() => setFilter({ kind: undefined, status: undefined, q: undefined })}
          withBorder
        >
          <Select
            label="Kind"
            w={filterWidth(200)}
            clearable
            data={QUESTIONNAIRE_KINDS.map((k) => ({ value: k, label: QUESTIONNAIRE_KIND_LABELS[k] }))}
            value={filters.kind ?? null}
            onChange={(v) => setFilter({ kind: (v ?? undefined) as QuestionnaireListParams['kind'] })}
          />
          <Select
            label="Status"
            w={filterWidth(170)}
            clearable
            data={Object.entries(QUESTIONNAIRE_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            value={filters.status ?? null}
            onChange={(v) => setFilter({ status: (v ?? undefined) as QuestionnaireListParams['status'] })}
          />
        </FilterBar>
        {list.isError ? (
          <Stack p="md">
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : list.isPending ? (
          <Stack p="md" gap="sm" aria-busy>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={36} radius="sm" />
            ))}
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconFileSpreadsheet size={18} />}
            title="No questionnaires yet"
            description="Import the customer’s XLSX or CSV file: map its columns, let the answer library suggest answers, and export the same workbook back."
          />
        ) : (
          <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            <QuestionnaireList items={items} onMap={(q) => setResume(q)} />
          </div>
        )}
      </Card>
      {(pages.hasPrevious || list.data?.nextCursor) && (
        <CursorPager
          page={pages.page}
          hasPrevious={pages.hasPrevious}
          hasNext={Boolean(list.data?.nextCursor)}
          onPrevious={pages.previous}
          onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
          shown={items.length}
        />
      )}
      <ImportQuestionnaireModal
        opened={importing || resume !== null}
        resume={resume}
        onClose={() => {
          setImporting(false);
          setResume(null);
        }}
      />
    </>
  );
}
