import { Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useState } from 'react';
import { showServerErrors } from '../../../ui/server-errors';
import { useGenerateReport, type StatusReport } from './api';

type Preset = 'week' | 'two_weeks' | 'month' | 'custom';

function presetPeriod(preset: Exclude<Preset, 'custom'>): { periodStart: string; periodEnd: string } {
  const end = dayjs();
  const start = preset === 'week' ? end.subtract(6, 'day') : preset === 'two_weeks' ? end.subtract(13, 'day') : end.startOf('month');
  return { periodStart: start.format('YYYY-MM-DD'), periodEnd: end.format('YYYY-MM-DD') };
}

/** Picks the period a report covers; the server drafts the report from the engagement's data. */
export function GenerateReportModal({
  engagementId,
  opened,
  onClose,
  onGenerated,
}: {
  engagementId: string;
  opened: boolean;
  onClose: () => void;
  onGenerated: (report: StatusReport) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Generate a status report" centered>
      {opened && <GenerateForm engagementId={engagementId} onClose={onClose} onGenerated={onGenerated} />}
    </Modal>
  );
}

function GenerateForm({
  engagementId,
  onClose,
  onGenerated,
}: {
  engagementId: string;
  onClose: () => void;
  onGenerated: (report: StatusReport) => void;
}) {
  const generate = useGenerateReport(engagementId);
  const [preset, setPreset] = useState<Preset>('two_weeks');
  const form = useForm({
    initialValues: presetPeriod('two_weeks'),
    validate: {
      periodStart: (v) => (v && dayjs(v).isValid() ? null : 'Pick the first day'),
      periodEnd: (v, values) =>
        !v || !dayjs(v).isValid() ? 'Pick the last day' : v < values.periodStart ? 'The period ends before it starts' : null,
    },
  });
  const choose = (value: string) => {
    setPreset(value as Preset);
    if (value !== 'custom') form.setValues(presetPeriod(value as Exclude<Preset, 'custom'>));
  };
  const submit = (values: typeof form.values) =>
    generate.mutate(values, {
      onSuccess: (report) => {
        onClose();
        onGenerated(report);
      },
      onError: (error) => showServerErrors(form, error, ['periodStart', 'periodEnd']),
    });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SegmentedControl
          aria-label="Period"
          value={preset}
          onChange={choose}
          data={[
            { value: 'week', label: 'Last 7 days' },
            { value: 'two_weeks', label: 'Last 14 days' },
            { value: 'month', label: 'This month' },
            { value: 'custom', label: 'Custom' },
          ]}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Period start"
            type="date"
            {...form.getInputProps('periodStart')}
            onChange={(e) => {
              setPreset('custom');
              form.setFieldValue('periodStart', e.currentTarget.value);
            }}
          />
          <TextInput
            label="Period end"
            type="date"
            {...form.getInputProps('periodEnd')}
            onChange={(e) => {
              setPreset('custom');
              form.setFieldValue('periodEnd', e.currentTarget.value);
            }}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          The draft lists what was done in the period, what is due next, risks, decisions needed from the customer, hours against the budget
          and milestones. You edit it before sending.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={generate.isPending}>
            Generate draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
