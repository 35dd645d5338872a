import { ActionIcon, Button, Group, Modal, Select, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useSession } from '../../../lib/auth';
import { Markdown } from '../../../ui/markdown';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useMemberOptions } from '../../team/api';
import { usePlanVisit, useUpdateVisit, type FieldVisit } from './api';

const FIELDS = ['visitDate', 'siteAddress', 'purpose', 'engineerId', 'checklist'] as const;

/** Plans a visit, or edits a planned one. */
export function FieldVisitFormModal({
  accountId,
  visit,
  opened,
  onClose,
}: {
  accountId: string;
  visit?: FieldVisit;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={visit ? 'Edit field visit' : 'Plan a field visit'} size="lg" centered>
      {opened && <VisitForm accountId={accountId} visit={visit} onClose={onClose} />}
    </Modal>
  );
}

function VisitForm({ accountId, visit, onClose }: { accountId: string; visit?: FieldVisit | undefined; onClose: () => void }) {
  const { member } = useSession();
  const members = useMemberOptions();
  const plan = usePlanVisit(accountId);
  const update = useUpdateVisit(accountId);
  const form = useForm({
    initialValues: {
      visitDate: visit?.visitDate ?? dayjs().add(7, 'day').format('YYYY-MM-DD'),
      siteAddress: visit?.siteAddress ?? '',
      purpose: visit?.purpose ?? '',
      engineerId: visit ? (visit.engineer?.id ?? null) : (member.id as string | null),
      checklist: visit?.checklist ?? [{ label: 'Site access and badges arranged', done: false }],
    },
    validate: {
      visitDate: (v) => (v && dayjs(v).isValid() ? null : 'Pick the day of the visit'),
      siteAddress: (v) => (v.trim() ? null : 'Enter the site address'),
      purpose: (v) => (v.trim() ? null : 'Say what the visit is for'),
    },
  });
  const submit = (values: typeof form.values) => {
    const body = {
      visitDate: values.visitDate,
      siteAddress: values.siteAddress.trim(),
      purpose: values.purpose.trim(),
      engineerId: values.engineerId,
      checklist: values.checklist.filter((i) => i.label.trim()).map((i) => ({ label: i.label.trim(), done: i.done })),
    };
    const options = {
      onSuccess: () => {
        notifySuccess(visit ? 'Visit saved.' : 'Visit planned.');
        onClose();
      },
      onError: (error: unknown) => showServerErrors(form, error, FIELDS),
    };
    if (visit) update.mutate({ id: visit.id, ...body }, options);
    else plan.mutate(body, options);
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Group grow align="flex-start">
          <TextInput label="Visit date" type="date" withAsterisk {...form.getInputProps('visitDate')} />
          <Select label="Engineer" searchable clearable data={members.options} {...form.getInputProps('engineerId')} />
        </Group>
        <TextInput label="Site address" placeholder="Building, street, city" withAsterisk {...form.getInputProps('siteAddress')} />
        <TextInput label="Purpose" placeholder="Install the appliance and connect SSO" withAsterisk {...form.getInputProps('purpose')} />
        <Stack gap={6}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Checklist
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPlus size={12} />}
              onClick={() => form.insertListItem('checklist', { label: '', done: false })}
            >
              Add item
            </Button>
          </Group>
          {form.values.checklist.map((_, index) => (
            <Group key={index} gap="xs" wrap="nowrap">
              <TextInput
                aria-label={`Checklist item ${index + 1}`}
                style={{ flex: 1 }}
                {...form.getInputProps(`checklist.${index}.label`)}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove checklist item ${index + 1}`}
                onClick={() => form.removeListItem('checklist', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={plan.isPending || update.isPending}>
            {visit ? 'Save' : 'Plan visit'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The visit report (Markdown), saved as a draft or saved and completed. */
export function VisitReportModal({ visit, onClose }: { visit: FieldVisit | null; onClose: () => void }) {
  return (
    <Modal opened={!!visit} onClose={onClose} title="Visit report" size="xl" centered>
      {visit && <ReportForm visit={visit} onClose={onClose} />}
    </Modal>
  );
}

function ReportForm({ visit, onClose }: { visit: FieldVisit; onClose: () => void }) {
  const update = useUpdateVisit(visit.accountId);
  const form = useForm({ initialValues: { report: visit.report ?? `## What we did\n- \n\n## Findings\n- \n\n## Follow-ups\n- ` } });
  const save = (complete: boolean) =>
    update.mutate(
      { id: visit.id, report: form.values.report.trim() || null, ...(complete ? { status: 'completed' as const } : {}) },
      {
        onSuccess: () => {
          notifySuccess(complete ? 'Visit completed; it is on the account timeline.' : 'Report saved.');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, ['report']),
      },
    );
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {visit.purpose} · {visit.siteAddress}
      </Text>
      <Tabs defaultValue="write">
        <Tabs.List>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="sm">
          <Textarea aria-label="Report" autosize minRows={10} maxRows={24} {...form.getInputProps('report')} />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="sm">
          <Markdown source={form.values.report} />
        </Tabs.Panel>
      </Tabs>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="light" loading={update.isPending} onClick={() => save(false)}>
          Save report
        </Button>
        {visit.status === 'planned' && (
          <Button color="teal" loading={update.isPending} onClick={() => save(true)}>
            Save and complete visit
          </Button>
        )}
      </Group>
    </Stack>
  );
}
