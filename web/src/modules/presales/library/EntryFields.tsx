import type { ReactNode } from 'react';
import { Autocomplete, Input, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMemberOptions } from '../../team/api';
import { LIBRARY_SHORT_ANSWERS, LIBRARY_SHORT_ANSWER_LABELS, useLibraryFacets, type LibraryEntry, type ShortAnswer } from './api';

/** The editable fields of an entry, as the form holds them. */
export interface EntryFormValues {
  question: string;
  shortAnswer: ShortAnswer | 'none';
  longAnswer: string;
  productArea: string;
  tags: string[];
  ownerId: string | null;
  reviewIntervalDays: number | string;
}

/** The form's field names, for placing the server's validation messages. */
export const ENTRY_FIELDS = [
  'question',
  'shortAnswer',
  'longAnswer',
  'productArea',
  'tags',
  'ownerId',
  'reviewIntervalDays',
  'variants',
] as const;

export function useEntryForm(entry?: LibraryEntry, defaults: Partial<EntryFormValues> = {}) {
  return useForm<EntryFormValues>({
    initialValues: {
      question: entry?.question ?? '',
      shortAnswer: entry?.shortAnswer ?? 'none',
      longAnswer: entry?.longAnswer ?? '',
      productArea: entry?.productArea ?? '',
      tags: entry?.tags ?? [],
      ownerId: entry?.owner?.id ?? null,
      reviewIntervalDays: entry?.reviewIntervalDays ?? 180,
      ...defaults,
    },
    validate: {
      question: (v) => (v.trim() ? null : 'Write the question'),
      longAnswer: (v, values) => (v.trim() || values.shortAnswer !== 'none' ? null : 'Give a short answer, a long answer or both'),
      reviewIntervalDays: (v) => {
        const n = Number(v);
        return Number.isInteger(n) && n >= 1 && n <= 1095 ? null : 'Whole days, from 1 to 1,095';
      },
    },
  });
}

/** The form values as the API takes them (PATCH or POST). */
export function entryBody(values: EntryFormValues) {
  return {
    question: values.question.trim(),
    shortAnswer: values.shortAnswer === 'none' ? null : values.shortAnswer,
    longAnswer: values.longAnswer,
    productArea: values.productArea.trim() || null,
    tags: values.tags,
    ownerId: values.ownerId,
    reviewIntervalDays: Number(values.reviewIntervalDays),
  };
}

/** Question, answers, product area, tags, owner and review interval: shared by the new-entry dialog and the entry drawer. */
export function EntryFields({ form, afterQuestion }: { form: UseFormReturnType<EntryFormValues>; afterQuestion?: ReactNode }) {
  const members = useMemberOptions();
  const facets = useLibraryFacets();
  const owner = form.values.ownerId;
  const ownerOptions = [...members.options];
  return (
    <Stack gap="sm">
      <Textarea label="Question" autosize minRows={2} maxRows={6} withAsterisk {...form.getInputProps('question')} />
      {afterQuestion}
      <Input.Wrapper label="Short answer" error={form.errors.shortAnswer}>
        <div>
          <SegmentedControl
            aria-label="Short answer"
            data={[
              { value: 'none', label: 'None' },
              ...LIBRARY_SHORT_ANSWERS.map((v) => ({ value: v, label: LIBRARY_SHORT_ANSWER_LABELS[v] })),
            ]}
            {...form.getInputProps('shortAnswer')}
          />
        </div>
      </Input.Wrapper>
      <Textarea
        label="Long answer"
        description="Markdown: **bold**, lists, links"
        autosize
        minRows={5}
        maxRows={16}
        {...form.getInputProps('longAnswer')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Autocomplete
          label="Product area"
          placeholder="Identity, Privacy…"
          data={(facets.data?.productAreas ?? []).map((a) => a.name)}
          {...form.getInputProps('productArea')}
        />
        <TagsInput
          label="Tags"
          placeholder="Type and press Enter"
          data={(facets.data?.tags ?? []).map((t) => t.name)}
          clearable
          {...form.getInputProps('tags')}
        />
        <Select
          label="Owner"
          description="Reviews it when it falls due"
          placeholder="No owner"
          searchable
          clearable
          data={
            owner && !ownerOptions.some((o) => o.value === owner)
              ? [...ownerOptions, { value: owner, label: 'Current owner' }]
              : ownerOptions
          }
          {...form.getInputProps('ownerId')}
        />
        <NumberInput
          label="Review every (days)"
          description="180 days is twice a year"
          min={1}
          max={1095}
          allowDecimal={false}
          {...form.getInputProps('reviewIntervalDays')}
        />
      </SimpleGrid>
    </Stack>
  );
}
