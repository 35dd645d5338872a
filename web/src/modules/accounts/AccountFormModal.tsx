import { Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { useCreateAccount, useUpdateAccount, type Account, type AccountInput } from './api';
import { SEGMENT_LABELS, SEGMENTS, STAGE_LABELS, STAGES, options } from './labels';

/** The form edits every field; the API lets a client leave out those with a default. */
type AccountFormValues = Required<AccountInput>;

const FIELDS = ['name', 'domains', 'segment', 'arr', 'lifecycleStage', 'renewalDate', 'internal', 'tags', 'notes'] as const;

const blank: AccountFormValues = {
  name: '',
  domains: [],
  segment: 'mid_market',
  arr: 0,
  lifecycleStage: 'onboarding',
  renewalDate: null,
  internal: false,
  tags: [],
  notes: null,
};

const valuesOf = (account?: Account): AccountFormValues =>
  account
    ? {
        name: account.name,
        domains: account.domains,
        segment: account.segment,
        arr: account.arr,
        lifecycleStage: account.lifecycleStage,
        renewalDate: account.renewalDate,
        internal: account.internal,
        tags: account.tags,
        notes: account.notes,
      }
    : blank;

interface Props {
  opened: boolean;
  onClose: () => void;
  /** When given, the form edits this account; otherwise it creates one. */
  account?: Account;
  onSaved?: (account: Account) => void;
}

export function AccountFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.account ? 'Edit account' : 'New account'} size="lg" centered>
      <AccountForm {...props} />
    </Modal>
  );
}

// Mounted afresh each time the modal opens, so the form starts from the account's current values.
function AccountForm({ onClose, account, onSaved }: Props) {
  const create = useCreateAccount();
  const update = useUpdateAccount(account?.id ?? '');
  const saving = create.isPending || update.isPending;
  const form = useForm<AccountFormValues>({
    initialValues: valuesOf(account),
    validate: { name: (v) => (v.trim() ? null : 'Enter the account’s name') },
  });

  const submit = (values: AccountFormValues) => {
    const body = {
      ...values,
      name: values.name.trim(),
      domains: values.domains.map((d) => d.trim()).filter(Boolean),
      tags: values.tags.map((t) => t.trim().toLowerCase()).filter(Boolean),
      notes: values.notes?.trim() || null,
    };
    const handlers = {
      onSuccess: (saved: Account) => {
        notifySuccess(account ? 'Account updated.' : `Account “${saved.name}” created.`);
        onClose();
        onSaved?.(saved);
      },
      onError: (error: Error) => showServerErrors(form, error, FIELDS),
    };
    if (account) update.mutate(body, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <TextInput label="Name" placeholder="Acme Corporation" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TagsInput
          label="E-mail domains"
          description="Press Enter after each domain. Mail from these domains is matched to this account."
          placeholder="acme.com"
          splitChars={[',', ' ']}
          clearable
          {...form.getInputProps('domains')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Segment"
            data={options(SEGMENTS, SEGMENT_LABELS)}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('segment')}
          />
          <Select
            label="Lifecycle stage"
            data={options(STAGES, STAGE_LABELS)}
            allowDeselect={false}
            {...form.getInputProps('lifecycleStage')}
          />
          <NumberInput
            label="ARR (USD)"
            min={0}
            step={1000}
            thousandSeparator=","
            prefix="$"
            allowDecimal={false}
            {...form.getInputProps('arr')}
          />
          <DateInput
            label="Renewal date"
            placeholder="YYYY-MM-DD"
            valueFormat="YYYY-MM-DD"
            clearable
            {...form.getInputProps('renewalDate')}
          />
        </SimpleGrid>
        <TagsInput
          label="Tags"
          description="Lower-case words; filter the account list by them."
          placeholder="Add a tag"
          splitChars={[',', ' ']}
          clearable
          {...form.getInputProps('tags')}
        />
        <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} value={form.values.notes ?? ''} />
        <Checkbox
          label="Internal — our own company (its requesters are staff, not customers)"
          description="Contact with an internal account never counts as a customer relationship in role profiles."
          {...form.getInputProps('internal', { type: 'checkbox' })}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {account ? 'Save changes' : 'Create account'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
