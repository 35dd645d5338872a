import { useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { ApiError } from '../../lib/api-client';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { useAccounts } from '../accounts/api';
import { useAccountContacts, useCreateTicket, type CreateTicketInput, type Ticket } from './api';
import { options, PRIORITIES, PRIORITY_LABELS, type Priority } from './labels';

const FIELDS = ['subject', 'description', 'requesterEmail', 'requesterName', 'requesterId', 'accountId', 'priority', 'tags'] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated?: (ticket: Ticket) => void;
}

export function NewTicketModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="New ticket" size="lg" centered>
      <NewTicketForm {...props} />
    </Modal>
  );
}

type RequesterMode = 'email' | 'contact';

function NewTicketForm({ onClose, onCreated }: Props) {
  const create = useCreateTicket();
  const [mode, setMode] = useState<RequesterMode>('email');
  // Asked for only when the requester's e-mail domain matches no account.
  const [needsAccount, setNeedsAccount] = useState(false);
  const form = useForm({
    initialValues: {
      subject: '',
      description: '',
      requesterEmail: '',
      requesterName: '',
      requesterId: null as string | null,
      accountId: null as string | null,
      priority: 'normal' as Priority,
      tags: [] as string[],
    },
    validate: {
      subject: (v) => (v.trim() ? null : 'Give the ticket a subject'),
      description: (v) => (v.trim() ? null : 'Describe the problem'),
      requesterEmail: (v) => (mode === 'email' && !/^\S+@\S+\.\S+$/.test(v.trim()) ? 'Enter the requester’s e-mail address' : null),
      accountId: (v, values) => ((mode === 'contact' || needsAccount) && !v && !values.requesterId ? 'Choose the account' : null),
      requesterId: (v) => (mode === 'contact' && !v ? 'Choose the contact' : null),
    },
  });

  const submit = (values: typeof form.values) => {
    const body: CreateTicketInput = {
      subject: values.subject.trim(),
      description: values.description.trim(),
      priority: values.priority,
      tags: values.tags,
      ...(mode === 'contact'
        ? { requesterId: values.requesterId ?? undefined }
        : {
            requesterEmail: values.requesterEmail.trim(),
            requesterName: values.requesterName.trim() || undefined,
            accountId: values.accountId ?? undefined,
          }),
    };
    create.mutate(body, {
      onSuccess: (ticket) => {
        notifySuccess(`Ticket #${ticket.number} created.`);
        onClose();
        onCreated?.(ticket);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'tickets.requester_account_unknown') {
          setNeedsAccount(true);
          form.setFieldError('accountId', 'No account uses this e-mail domain: choose the account this requester belongs to');
          return;
        }
        showServerErrors(form, error, FIELDS);
      },
    });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <TextInput label="Subject" withAsterisk data-autofocus {...form.getInputProps('subject')} />
        <Textarea
          label="Description"
          description="The requester’s first message"
          withAsterisk
          autosize
          minRows={4}
          maxRows={12}
          {...form.getInputProps('description')}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Requester
          </Text>
          <SegmentedControl
            value={mode}
            onChange={(value) => {
              setMode(value as RequesterMode);
              form.clearErrors();
            }}
            data={[
              { value: 'email', label: 'By e-mail address' },
              { value: 'contact', label: 'Existing contact' },
            ]}
          />
        </Stack>
        {mode === 'email' ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Requester e-mail"
                type="email"
                withAsterisk
                description="A known contact, or a new one on the account of its domain"
                {...form.getInputProps('requesterEmail')}
                onChange={(e) => {
                  form.setFieldValue('requesterEmail', e.currentTarget.value);
                  setNeedsAccount(false);
                }}
              />
              <TextInput label="Requester name" description="For a new contact" {...form.getInputProps('requesterName')} />
            </SimpleGrid>
            {needsAccount && (
              <Alert color="yellow" variant="light" title="Which account?">
                No account has this e-mail domain. Choose the account, and the requester is added to it as a contact.
              </Alert>
            )}
            {needsAccount && <AccountSelect withAsterisk {...form.getInputProps('accountId')} />}
          </>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <AccountSelect
              withAsterisk
              {...form.getInputProps('accountId')}
              onChange={(value) => {
                form.setFieldValue('accountId', value);
                form.setFieldValue('requesterId', null);
              }}
            />
            <ContactSelect accountId={form.values.accountId} {...form.getInputProps('requesterId')} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Priority" data={options(PRIORITIES, PRIORITY_LABELS)} allowDeselect={false} {...form.getInputProps('priority')} />
          <TagsInput label="Tags" placeholder="Type and press Enter" splitChars={[',', ' ']} {...form.getInputProps('tags')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create ticket
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface SelectProps {
  value?: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  withAsterisk?: boolean;
}

/** Searches accounts by name or domain on the server as the user types. */
function AccountSelect({ value, onChange, error, withAsterisk }: SelectProps) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const accounts = useAccounts({ q: query || undefined, limit: 20, sort: 'name' });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const data = (accounts.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  // Keep the chosen account listed even when the current search no longer returns it.
  if (chosen && !data.some((d) => d.value === chosen.value)) data.unshift(chosen);
  return (
    <Select
      label="Account"
      placeholder="Search accounts"
      searchable
      withAsterisk={withAsterisk}
      data={data}
      value={value}
      error={error}
      onChange={(id, option) => {
        setChosen(id ? option : null);
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: list }) => list}
      nothingFoundMessage={accounts.isFetching ? 'Searching…' : 'No account matches'}
    />
  );
}

function ContactSelect({ accountId, value, onChange, error }: SelectProps & { accountId: string | null }) {
  const contacts = useAccountContacts(accountId);
  const data = accountId ? (contacts.data ?? []).map((c) => ({ value: c.id, label: `${c.name} <${c.email}>` })) : [];
  return (
    <Select
      label="Contact"
      withAsterisk
      placeholder={accountId ? 'Choose a contact' : 'Choose the account first'}
      disabled={!accountId}
      searchable
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage="No contacts on this account"
    />
  );
}
