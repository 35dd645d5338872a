import { Autocomplete, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { SEGMENTS } from '../../../../../src/modules/accounts/contract/kinds';
import { humanize } from '../../../ui/format';
import { useMemberOptions } from '../../team/api';
import { COLLATERAL_KINDS, COLLATERAL_KIND_LABELS, useCollateralFacets, type CollateralItem } from './api';

/** The item's details as the forms hold them. */
export interface CollateralFormValues {
  title: string;
  kind: CollateralItem['kind'];
  productArea: string;
  tags: string[];
  description: string;
  ownerId: string | null;
  industries: string[];
  segments: CollateralItem['segments'];
}

export const DETAIL_FIELDS = ['title', 'kind', 'productArea', 'tags', 'description', 'ownerId', 'industries', 'segments'] as const;

export function formValuesOf(item: CollateralItem): CollateralFormValues {
  return {
    title: item.title,
    kind: item.kind,
    productArea: item.productArea ?? '',
    tags: item.tags,
    description: item.description,
    ownerId: item.owner?.id ?? null,
    industries: item.industries,
    segments: item.segments,
  };
}

/** What the API takes from the form: an empty product area is none. */
export function detailsBody(values: CollateralFormValues) {
  return { ...values, productArea: values.productArea.trim() || null };
}

export const validateDetails = {
  title: (v: string) => (v.trim() ? null : 'Give the item a title'),
};

/**
 * The item's details: title, kind, product area and tags (offering the ones already in use),
 * description, owner, and the industries and segments it suits.
 */
export function CollateralFields<V extends CollateralFormValues>({ form }: { form: UseFormReturnType<V> }) {
  const facets = useCollateralFacets('all');
  const members = useMemberOptions();
  const f = form as unknown as UseFormReturnType<CollateralFormValues>;
  return (
    <Stack gap="sm">
      <TextInput label="Title" required maxLength={200} {...f.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Kind"
          required
          allowDeselect={false}
          data={COLLATERAL_KINDS.map((k) => ({ value: k, label: COLLATERAL_KIND_LABELS[k] }))}
          {...f.getInputProps('kind')}
        />
        <Autocomplete
          label="Product area"
          placeholder="e.g. Beacon Analytics"
          maxLength={80}
          data={(facets.data?.productAreas ?? []).map((a) => a.value)}
          {...f.getInputProps('productArea')}
        />
      </SimpleGrid>
      <TagsInput
        label="Tags"
        description="Press Enter or comma after each tag"
        data={(facets.data?.tags ?? []).map((t) => t.value)}
        maxTags={20}
        clearable
        {...f.getInputProps('tags')}
      />
      <Textarea label="Description" autosize minRows={2} maxRows={6} maxLength={5000} {...f.getInputProps('description')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label="Owner" placeholder="Nobody" clearable searchable data={members.options} {...f.getInputProps('ownerId')} />
        <MultiSelect
          label="Segments it suits"
          placeholder="Any"
          data={SEGMENTS.map((s) => ({ value: s, label: humanize(s) }))}
          {...f.getInputProps('segments')}
        />
      </SimpleGrid>
      <TagsInput label="Industries it suits" placeholder="e.g. Aerospace" maxTags={20} clearable {...f.getInputProps('industries')} />
    </Stack>
  );
}
