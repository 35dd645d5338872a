import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { showServerErrors, notifySuccess } from '../../../ui/server-errors';
import { useTemplates } from '../../delivery/engagements/api';
import { ENGAGEMENT_KIND_LABELS, SOW_ENGAGEMENT_KINDS, formatAmount, useSowAction, type StatementOfWork } from './api';

interface Props {
  opened: boolean;
  onClose: () => void;
  sow: StatementOfWork;
  opportunityId: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Recording the customer's acceptance: the engagement it becomes (kind, name, start, an optional
 * plan template) is created in the same step, with the SOW's hours as its budget.
 */
export function AcceptSowModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Accept the statement of work" size="lg" centered>
      {props.opened && <AcceptForm {...props} />}
    </Modal>
  );
}

function AcceptForm({ sow, opportunityId, onClose }: Props) {
  const action = useSowAction(opportunityId);
  const templates = useTemplates();
  const form = useForm({
    initialValues: {
      engagementKind: 'professional_services' as (typeof SOW_ENGAGEMENT_KINDS)[number],
      engagementName: sow.title,
      startDate: today(),
      templateId: null as string | null,
    },
    validate: { startDate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Pick the start date') },
  });
  const submit = form.onSubmit((values) =>
    action.mutate(
      { id: sow.id, kind: 'accept', body: { ...values, engagementName: values.engagementName.trim() || undefined } },
      {
        onSuccess: () => {
          notifySuccess('Accepted: the engagement is created');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, ['engagementKind', 'engagementName', 'startDate', 'templateId']),
      },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack>
        <Alert color="teal" variant="light">
          A delivery engagement is created on the deal’s account with a budget of {sow.totalHours} hours (
          {formatAmount(sow.totalAmount, sow.currency)}), and linked here. This cannot be undone.
        </Alert>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="kind-label">
            Engagement kind
          </Text>
          <SegmentedControl
            aria-labelledby="kind-label"
            data={SOW_ENGAGEMENT_KINDS.map((k) => ({ value: k, label: ENGAGEMENT_KIND_LABELS[k] }))}
            {...form.getInputProps('engagementKind')}
          />
        </Stack>
        <TextInput label="Engagement name" maxLength={200} {...form.getInputProps('engagementName')} />
        <TextInput label="Start date" type="date" required {...form.getInputProps('startDate')} />
        <Select
          label="Plan template"
          description="Optional: phases and tasks to start from"
          placeholder="No template"
          data={(templates.data ?? []).filter((t) => !t.archived).map((t) => ({ value: t.id, label: t.name }))}
          clearable
          {...form.getInputProps('templateId')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="teal" loading={action.isPending}>
            Accept and create engagement
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DeclineSowModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="The customer declined" centered>
      {props.opened && <DeclineForm {...props} />}
    </Modal>
  );
}

function DeclineForm({ sow, opportunityId, onClose }: Props) {
  const action = useSowAction(opportunityId);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v) => (v.trim() ? null : 'Say why the customer declined') } });
  const submit = form.onSubmit(({ reason }) =>
    action.mutate(
      { id: sow.id, kind: 'decline', reason },
      {
        onSuccess: () => {
          notifySuccess('Recorded as declined');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, ['reason']),
      },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack>
        <Textarea label="Why" required autosize minRows={3} maxLength={2000} {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={action.isPending}>
            Record as declined
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
