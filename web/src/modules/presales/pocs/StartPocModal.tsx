import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useTemplates, type TemplateSummary } from '../../delivery/engagements/api';
import { useMemberOptions } from '../../team/api';
import { useStartPoc, type OpportunityPoc } from './api';

const FIELDS = ['name', 'templateId', 'startDate', 'targetGoLiveDate', 'budgetHours', 'leadId', 'criteria', 'description'] as const;

interface Values {
  name: string;
  templateId: string | null;
  startDate: string | null;
  targetGoLiveDate: string | null;
  budgetHours: number | string;
  leadId: string | null;
  criteria: string;
  description: string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  opportunity: { id: string; name: string; account: { name: string } };
  onStarted?: (poc: OpportunityPoc) => void;
}

/** "Start a PoC": a proof-of-concept engagement on the deal's account, linked to the deal, with its first success criteria. */
export function StartPocModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Start a proof of concept" size="lg" centered>
      <StartPocForm {...props} />
    </Modal>
  );
}

// Mounted afresh each time the modal opens, so the form starts empty.
function StartPocForm({ onClose, opportunity, onStarted }: Props) {
  const start = useStartPoc(opportunity.id);
  const members = useMemberOptions();
  const templates = useTemplates();
  const form = useForm<Values>({
    initialValues: {
      name: `${opportunity.name} — PoC`.slice(0, 200),
      templateId: null,
      startDate: dayjs().format('YYYY-MM-DD'),
      targetGoLiveDate: null,
      budgetHours: 40,
      leadId: null,
      criteria: '',
      description: '',
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the proof of concept'),
      startDate: (v) => (v ? null : 'Choose the start date'),
    },
  });

  const submit = (values: Values) =>
    start.mutate(
      {
        name: values.name.trim(),
        templateId: values.templateId,
        startDate: values.startDate!,
        targetGoLiveDate: values.targetGoLiveDate || null,
        budgetHours: Number(values.budgetHours) || 0,
        leadId: values.leadId,
        description: values.description.trim() || null,
        criteria: values.criteria
          .split('\n')
          .map((line) => line.replace(/^\s*[-*•\d.)]+\s*/, '').trim())
          .filter(Boolean),
      },
      {
        onSuccess: (poc) => {
          notifySuccess(`Proof of concept “${poc.name}” started on ${opportunity.account.name}.`);
          onClose();
          onStarted?.(poc);
        },
        // A problem with one criterion ("criteria.2") shows under the criteria box.
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    );

  const available = (templates.data ?? []).filter((t) => !t.archived);
  const chosen = available.find((t) => t.id === form.values.templateId);

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Select
          label="Template"
          placeholder="Start from a blank plan"
          clearable
          searchable
          data={templateOptions(available)}
          description={chosen ? templateFacts(chosen) : 'The plan is laid out in working days from the start date.'}
          {...form.getInputProps('templateId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateInput label="Start date" valueFormat="YYYY-MM-DD" withAsterisk {...form.getInputProps('startDate')} />
          <DateInput
            label="Conclude by"
            valueFormat="YYYY-MM-DD"
            clearable
            placeholder="The plan’s end"
            {...form.getInputProps('targetGoLiveDate')}
          />
          <NumberInput label="Budget hours" min={0} allowNegative={false} {...form.getInputProps('budgetHours')} />
        </SimpleGrid>
        <Select label="Lead" placeholder="Nobody yet" searchable clearable data={members.options} {...form.getInputProps('leadId')} />
        <Textarea
          label="Success criteria"
          description="What the customer agreed the proof of concept must show, one per line. Add more on the engagement."
          placeholder={'Ingest a year of maintenance logs\nDashboards load in under 3 seconds'}
          autosize
          minRows={3}
          {...form.getInputProps('criteria')}
        />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={start.isPending}>
            Start the PoC
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const templateFacts = (t: TemplateSummary) => `${t.phaseCount} phases · ${t.taskCount} tasks · ${t.durationDays} working days`;

/** Proof-of-concept templates first, as the suggestion; the rest stay available. */
function templateOptions(templates: TemplateSummary[]) {
  const option = (t: TemplateSummary) => ({ value: t.id, label: t.name });
  const suggested = templates.filter((t) => t.kind === 'proof_of_concept').map(option);
  const others = templates.filter((t) => t.kind !== 'proof_of_concept').map(option);
  return [
    ...(suggested.length ? [{ group: 'For proofs of concept', items: suggested }] : []),
    ...(others.length ? [{ group: 'Other kinds', items: others }] : []),
  ];
}
