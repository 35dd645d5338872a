import { Select, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useDebouncedSearch } from '../../../ui/use-debounced-search';
import { useEngineeringIssues, useIssueDraft, type CreateIssueInput, type IssueSeverity } from './api';
import { ISSUE_SEVERITIES } from './labels';

/** What the escalation dialog sends about the engineering issue: a new one, or an existing one. */
export interface IssueChoice {
  mode: 'create' | 'link';
  title: string;
  severity: IssueSeverity;
  reproSteps: string;
  reproExpected: string;
  reproActual: string;
  environmentId: string | null;
  issueId: string | null;
}

export const EMPTY_CHOICE: IssueChoice = {
  mode: 'create',
  title: '',
  severity: 'medium',
  reproSteps: '',
  reproExpected: '',
  reproActual: '',
  environmentId: null,
  issueId: null,
};

/** The escalation request's issue part, or a message saying what is missing. */
export function issuePart(c: IssueChoice): { issueId: string } | { newIssue: Omit<CreateIssueInput, 'ticketId'> } | string {
  if (c.mode === 'link') return c.issueId ? { issueId: c.issueId } : 'Pick the engineering issue to link';
  if (!c.title.trim()) return 'Give the engineering issue a title';
  return {
    newIssue: {
      title: c.title.trim(),
      severity: c.severity,
      reproSteps: c.reproSteps,
      reproExpected: c.reproExpected,
      reproActual: c.reproActual,
      environmentId: c.environmentId,
    },
  };
}

/**
 * Escalating to engineering: create an engineering issue with the reproduction prefilled from the
 * ticket (its environment's version and configuration are copied in), or link an existing one.
 */
export function EngineeringIssueChoice({
  ticketId,
  value,
  onChange,
}: {
  ticketId: string;
  value: IssueChoice;
  onChange: (c: IssueChoice) => void;
}) {
  const draft = useIssueDraft(ticketId, true);
  const [q, setQ] = useState('');
  const search = useDebouncedSearch(setQ);
  const issues = useEngineeringIssues({ q: q || undefined }, value.mode === 'link');
  const set = (patch: Partial<IssueChoice>) => onChange({ ...value, ...patch });

  // Prefill once the draft arrives (title, first message as steps, the ticket's environment).
  useEffect(() => {
    if (draft.data && !value.title) onChange({ ...value, ...draft.data, title: draft.data.title });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.data]);

  return (
    <Stack gap="sm" aria-label="Engineering issue">
      <SegmentedControl
        value={value.mode}
        onChange={(m) => set({ mode: m as IssueChoice['mode'] })}
        data={[
          { value: 'create', label: 'Create engineering issue' },
          { value: 'link', label: 'Link existing' },
        ]}
      />
      {value.mode === 'link' ? (
        <Select
          label="Engineering issue"
          withAsterisk
          searchable
          placeholder="Search by key or title"
          nothingFoundMessage="No issue matches"
          filter={({ options }) => options}
          onSearchChange={(s) => search(s.trim())}
          data={(issues.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.key} · ${i.title}` }))}
          value={value.issueId}
          onChange={(id) => set({ issueId: id })}
        />
      ) : draft.isPending ? (
        <Skeleton height={200} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Issue title"
              withAsterisk
              value={value.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              style={{ gridColumn: 'span 2' }}
            />
            <Select
              label="Severity"
              allowDeselect={false}
              data={ISSUE_SEVERITIES}
              value={value.severity}
              onChange={(s) => s && set({ severity: s as IssueSeverity })}
            />
          </SimpleGrid>
          <Textarea
            label="Steps to reproduce"
            autosize
            minRows={3}
            maxRows={10}
            value={value.reproSteps}
            onChange={(e) => set({ reproSteps: e.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label="Expected"
              autosize
              minRows={2}
              value={value.reproExpected}
              onChange={(e) => set({ reproExpected: e.currentTarget.value })}
            />
            <Textarea
              label="Actual"
              autosize
              minRows={2}
              value={value.reproActual}
              onChange={(e) => set({ reproActual: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {value.environmentId
              ? 'The ticket’s environment (product version and configuration) is copied into the reproduction.'
              : 'The ticket names no environment; pick one on the ticket first to record its version and configuration.'}
          </Text>
        </>
      )}
    </Stack>
  );
}
