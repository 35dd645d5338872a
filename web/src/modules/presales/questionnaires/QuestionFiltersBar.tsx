import { Button, Chip, Group, Select, TextInput } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { QUESTION_STATUSES, QUESTION_STATUS_LABELS, type QuestionStatus, type Questionnaire, type SectionProgress } from './api';
import type { QuestionFilterState } from './use-question-filters';

/**
 * The filters above the questions: section (the side panel's job on a wide screen), status, search,
 * "assigned to me", gaps, and assigning the chosen section.
 */
export function QuestionFiltersBar({
  questionnaire: data,
  state,
  canWrite,
  onAssignSection,
}: {
  questionnaire: Questionnaire;
  state: QuestionFilterState;
  canWrite: boolean;
  onAssignSection: (section: SectionProgress) => void;
}) {
  const counts = data.progress;
  const { section } = state;
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <Select
        hiddenFrom="md"
        label="Section"
        w="100%"
        clearable
        placeholder="All sections"
        data={data.sections.map((s) => ({ value: s.key, label: `${s.section} (${s.progress.approved}/${s.total})` }))}
        value={section ?? null}
        onChange={(v) => state.setSection(v ?? undefined)}
      />
      <Select
        label="Status"
        w={{ base: 'calc(50% - 6px)', xs: 170 }}
        allowDeselect={false}
        data={[
          { value: 'all', label: `All (${data.questionCount})` },
          ...QUESTION_STATUSES.map((s) => ({ value: s, label: `${QUESTION_STATUS_LABELS[s]} (${counts[s]})` })),
        ]}
        value={state.status}
        onChange={(v) => state.setStatus((v ?? 'all') as QuestionStatus | 'all')}
      />
      <TextInput
        label="Search"
        leftSection={<IconSearch size={14} />}
        placeholder="Question, number or answer"
        w={{ base: 'calc(50% - 6px)', xs: 240 }}
        value={state.search}
        onChange={(e) => state.setSearch(e.currentTarget.value)}
      />
      <Chip checked={state.mine} onChange={state.setMine}>
        Assigned to me
      </Chip>
      <Chip checked={state.gapsOnly} onChange={state.setGapsOnly}>
        Gaps
      </Chip>
      {section && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconUserPlus size={14} />}
          onClick={() => {
            const s = data.sections.find((x) => x.key === section);
            if (s) onAssignSection(s);
          }}
          hidden={!canWrite}
        >
          Assign section
        </Button>
      )}
    </Group>
  );
}
