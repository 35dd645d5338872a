import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import { useMemberOptions } from '../../team/api';
import { useAddCriterion, useUpdateCriterion, type Criterion } from './api';

const FIELDS = ['statement', 'owner', 'evidence', 'evidenceUrl'] as const;

interface Props {
  engagementId: string;
  accountId: string;
  criterion?: Criterion | undefined;
  opened: boolean;
  onClose: () => void;
}

export function CriterionFormModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.criterion ? 'Edit success criterion' : 'Add a success criterion'}
      size="lg"
      centered
    >
      {props.opened && <CriterionForm {...props} />}
    </Modal>
  );
}

/** Owners are picked from one list: `member:<id>` or `contact:<id>`. */
function CriterionForm({ engagementId, accountId, criterion, onClose }: Props) {
  const members = useMemberOptions();
  const contacts = useContacts(accountId);
  const add = useAddCriterion(engagementId);
  const update = useUpdateCriterion(engagementId);
  const form = useForm({
    initialValues: {
      statement: criterion?.statement ?? '',
      owner: criterion?.owner ? `${criterion.owner.type}:${criterion.owner.id}` : (null as string | null),
      evidence: criterion?.evidence ?? '',
      evidenceUrl: criterion?.evidenceUrl ?? '',
    },
    validate: { statement: (v) => (v.trim() ? null : 'State what the proof of concept must show') },
  });
  const ownerOptions = [
    { group: 'Our team', items: members.options.map((m) => ({ value: `member:${m.value}`, label: m.label })) },
    { group: 'Customer', items: (contacts.data ?? []).map((c) => ({ value: `contact:${c.id}`, label: c.name })) },
  ];
  const submit = (values: typeof form.values) => {
    const [type, id] = (values.owner ?? '').split(':') as ['member' | 'contact', string];
    const body = {
      statement: values.statement.trim(),
      owner: values.owner ? { type, id } : null,
      evidence: values.evidence.trim() || null,
      evidenceUrl: values.evidenceUrl.trim() || null,
    };
    const options = {
      onSuccess: () => {
        notifySuccess(criterion ? 'Criterion saved.' : 'Criterion added.');
        onClose();
      },
      onError: (error: unknown) => showServerErrors(form, error, FIELDS),
    };
    if (criterion) update.mutate({ id: criterion.id, ...body }, options);
    else add.mutate(body, options);
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Textarea
          label="Criterion"
          placeholder="Users sign in with their corporate SSO"
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('statement')}
        />
        <Select label="Owner" placeholder="Who proves it" searchable clearable data={ownerOptions} {...form.getInputProps('owner')} />
        <Textarea
          label="Evidence"
          placeholder="What was shown, measured or signed off"
          autosize
          minRows={2}
          {...form.getInputProps('evidence')}
        />
        <TextInput label="Evidence link" placeholder="https://…" {...form.getInputProps('evidenceUrl')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending || update.isPending}>
            {criterion ? 'Save' : 'Add criterion'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
