import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { OpportunitySelect } from '../../presales/pocs/OpportunitySelect';
import { useMemberOptions } from '../../team/api';
import { AccountSelect } from './AccountSelect';
import { useCreateEngagement, useTemplates, useUpdateEngagement, type Engagement, type TemplateSummary } from './api';
import { KIND_LABELS, KINDS, STATUS_LABELS, STATUSES, options, type EngagementKind, type EngagementStatus } from './labels';

const FIELDS = [
  'accountId',
  'kind',
  'name',
  'description',
  'status',
  'templateId',
  'startDate',
  'targetGoLiveDate',
  'actualGoLiveDate',
  'contractStartDate',
  'budgetHours',
  'leadId',
  'memberIds',
  'opportunityId',
] as const;

interface Values {
  accountId: string | null;
  kind: EngagementKind;
  name: string;
  description: string;
  status: EngagementStatus;
  templateId: string | null;
  startDate: string | null;
  targetGoLiveDate: string | null;
  actualGoLiveDate: string | null;
  contractStartDate: string | null;
  budgetHours: number | string;
  leadId: string | null;
  memberIds: string[];
  opportunityId: string | null;
}

const valuesOf = (engagement?: Engagement, account?: { id: string; name: string }): Values =>
  engagement
    ? {
        accountId: engagement.account.id,
        kind: engagement.kind,
        name: engagement.name,
        description: engagement.description ?? '',
        status: engagement.status,
        templateId: engagement.templateId,
        startDate: engagement.startDate,
        targetGoLiveDate: engagement.targetGoLiveDate,
        actualGoLiveDate: engagement.actualGoLiveDate,
        contractStartDate: engagement.contractStartDate,
        budgetHours: engagement.budgetHours,
        leadId: engagement.lead?.id ?? null,
        memberIds: engagement.members.map((m) => m.id),
        opportunityId: engagement.opportunity?.id ?? null,
      }
    : {
        accountId: account?.id ?? null,
        kind: 'implementation',
        name: '',
        description: '',
        status: 'planned',
        templateId: null,
        startDate: dayjs().format('YYYY-MM-DD'),
        targetGoLiveDate: null,
        actualGoLiveDate: null,
        contractStartDate: null,
        budgetHours: 0,
        leadId: null,
        memberIds: [],
        opportunityId: null,
      };

interface Props {
  opened: boolean;
  onClose: () => void;
  /** When given, the form edits this engagement; otherwise it creates one. */
  engagement?: Engagement;
  /** Pre-fills the account of a new engagement (from the account page). */
  account?: { id: string; name: string };
  onSaved?: (engagement: Engagement) => void;
}

export function EngagementFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.engagement ? 'Edit engagement' : 'New engagement'} size="xl" centered>
      <EngagementForm {...props} />
    </Modal>
  );
}

// Mounted afresh each time the modal opens, so the form starts from the engagement's current values.
function EngagementForm({ onClose, engagement, account, onSaved }: Props) {
  const create = useCreateEngagement();
  const update = useUpdateEngagement(engagement?.id ?? '');
  const members = useMemberOptions();
  const templates = useTemplates();
  const editing = Boolean(engagement);
  const form = useForm<Values>({
    initialValues: valuesOf(engagement, account),
    validate: {
      accountId: (v) => (v ? null : 'Choose the account'),
      name: (v) => (v.trim() ? null : 'Name the engagement'),
      startDate: (v) => (v ? null : 'Choose the start date'),
    },
  });

  const submit = (values: Values) => {
    const common = {
      name: values.name.trim(),
      description: values.description.trim() || null,
      leadId: values.leadId,
      memberIds: values.memberIds,
      startDate: values.startDate!,
      targetGoLiveDate: values.targetGoLiveDate || null,
      contractStartDate: values.contractStartDate || null,
      budgetHours: Number(values.budgetHours) || 0,
      opportunityId: values.opportunityId,
    };
    const handlers = {
      onSuccess: (saved: Engagement) => {
        notifySuccess(engagement ? 'Engagement updated.' : `Engagement “${saved.name}” created.`);
        onClose();
        onSaved?.(saved);
      },
      onError: (error: Error) => showServerErrors(form, error, FIELDS),
    };
    if (engagement) {
      update.mutate({ ...common, status: values.status, actualGoLiveDate: values.actualGoLiveDate || null }, handlers);
    } else {
      create.mutate(
        {
          ...common,
          accountId: values.accountId!,
          kind: values.kind,
          status: values.status,
          templateId: values.templateId,
          targetGoLiveDate: values.targetGoLiveDate || undefined,
        },
        handlers,
      );
    }
  };

  const available = (templates.data ?? []).filter((t) => !t.archived);
  const chosenTemplate = available.find((t) => t.id === form.values.templateId);

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {editing ? (
            <TextInput label="Account" value={engagement!.account.name} disabled />
          ) : (
            <AccountSelect
              {...form.getInputProps('accountId')}
              // A deal belongs to one account: choosing another account unlinks it.
              onChange={(id) => {
                form.setFieldValue('accountId', id);
                if (id !== form.values.accountId) form.setFieldValue('opportunityId', null);
              }}
              initialLabel={account?.name}
            />
          )}
          <Select
            label="Kind"
            data={options(KINDS, KIND_LABELS)}
            allowDeselect={false}
            withAsterisk
            disabled={editing}
            {...form.getInputProps('kind')}
          />
        </SimpleGrid>
        <TextInput
          label="Name"
          placeholder="Rollout to the EMEA operations team"
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
        />
        {!editing && (
          <Select
            label="Template"
            placeholder="Start from a blank plan"
            clearable
            searchable
            data={templateOptions(available, form.values.kind)}
            description={chosenTemplate ? templateFacts(chosenTemplate) : 'The plan is laid out in working days from the start date.'}
            {...form.getInputProps('templateId')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateInput label="Start date" valueFormat="YYYY-MM-DD" withAsterisk {...form.getInputProps('startDate')} />
          <DateInput
            label="Target go-live"
            valueFormat="YYYY-MM-DD"
            clearable
            placeholder={editing ? 'None' : 'The plan’s end'}
            {...form.getInputProps('targetGoLiveDate')}
          />
          <DateInput
            label="Contract start"
            valueFormat="YYYY-MM-DD"
            clearable
            placeholder="Not known"
            {...form.getInputProps('contractStartDate')}
          />
          {editing && (
            <DateInput
              label="Actual go-live"
              valueFormat="YYYY-MM-DD"
              clearable
              placeholder="Not live yet"
              {...form.getInputProps('actualGoLiveDate')}
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Budget hours"
            description="From the statement of work"
            min={0}
            allowNegative={false}
            {...form.getInputProps('budgetHours')}
          />
          <Select label="Status" data={options(STATUSES, STATUS_LABELS)} allowDeselect={false} {...form.getInputProps('status')} />
          <Select label="Lead" placeholder="Nobody yet" searchable clearable data={members.options} {...form.getInputProps('leadId')} />
          <MultiSelect
            label="Team members"
            placeholder="Add members"
            searchable
            clearable
            data={members.options}
            {...form.getInputProps('memberIds')}
          />
        </SimpleGrid>
        <OpportunitySelect
          accountId={form.values.accountId}
          initialLabel={engagement?.opportunity?.name}
          description={
            form.values.kind === 'proof_of_concept'
              ? 'The deal this proof of concept serves: its verdict sets the deal’s technical win.'
              : 'The deal this engagement serves, if any.'
          }
          {...form.getInputProps('opportunityId')}
        />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {editing ? 'Save changes' : 'Create engagement'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const templateFacts = (t: TemplateSummary) => `${t.phaseCount} phases · ${t.taskCount} tasks · ${t.durationDays} working days`;

/** Templates of the chosen kind first, as the suggestion; the rest stay available. */
function templateOptions(templates: TemplateSummary[], kind: EngagementKind) {
  const option = (t: TemplateSummary) => ({ value: t.id, label: t.name });
  const suggested = templates.filter((t) => t.kind === kind).map(option);
  const others = templates.filter((t) => t.kind !== kind).map(option);
  return [
    ...(suggested.length ? [{ group: `For ${KIND_LABELS[kind].toLowerCase()}`, items: suggested }] : []),
    ...(others.length ? [{ group: 'Other kinds', items: others }] : []),
  ];
}
