import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useMemberOptions } from '../../team/api';
import { DEAL_SUPPORT_KINDS, DEAL_SUPPORT_KIND_LABELS, options, useRequestSupport, type DealSupportRequest, type Opportunity } from './api';

const FIELDS = ['kind', 'title', 'assigneeId', 'dueDate', 'estimatedHours', 'notes'] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  opportunity: Opportunity;
}

/** An account executive asks the pre-sales team for help on the deal; the engineer named is notified. */
export function RequestSupportModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Request deal support" size="lg" centered>
      {props.opened && <RequestSupportForm {...props} />}
    </Modal>
  );
}

function RequestSupportForm({ opportunity, onClose }: Props) {
  const ask = useRequestSupport(opportunity.id);
  const members = useMemberOptions();
  const form = useForm({
    initialValues: {
      kind: 'demo' as DealSupportRequest['kind'],
      title: '',
      // The deal's sales engineer is the usual first call.
      assigneeId: opportunity.salesEngineer?.id ?? (null as string | null),
      dueDate: '',
      estimatedHours: '' as number | string,
      notes: '',
    },
    validate: { title: (v) => (v.trim() ? null : 'Say what you need') },
  });
  const submit = form.onSubmit((v) =>
    ask.mutate(
      {
        kind: v.kind,
        title: v.title.trim(),
        assigneeId: v.assigneeId || null,
        dueDate: v.dueDate || null,
        estimatedHours: v.estimatedHours === '' ? null : Number(v.estimatedHours),
        notes: v.notes.trim() || null,
      },
      {
        onSuccess: (r) => {
          notifySuccess(r.assignee ? `Request sent to ${r.assignee.name}` : 'Request added to the queue');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="What you need"
            data={options(DEAL_SUPPORT_KINDS, DEAL_SUPPORT_KIND_LABELS)}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Select
            label="Engineer"
            description="Notified in Outpost and by e-mail"
            placeholder="Leave in the queue"
            searchable
            clearable
            data={members.options}
            {...form.getInputProps('assigneeId')}
          />
        </SimpleGrid>
        <TextInput
          label="Request"
          placeholder="Demo of outage alerting for the ops team"
          withAsterisk
          data-autofocus
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Due" type="date" {...form.getInputProps('dueDate')} />
          <NumberInput
            label="Estimated hours"
            min={0}
            step={1}
            decimalScale={1}
            allowNegative={false}
            {...form.getInputProps('estimatedHours')}
          />
        </SimpleGrid>
        <Textarea
          label="Notes"
          placeholder="Audience, context, what matters to them"
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={ask.isPending}>
            Send request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
