import { ActionIcon, Button, Card, Divider, Group, Modal, MultiSelect, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import { AccountSelect } from '../../delivery/engagements/AccountSelect';
import { useCreateRound, type UatRound } from './api';
import { CaseFields, caseRules, emptyCase, type CaseValues } from './CaseFields';

interface Props {
  requestId: string;
  requestTitle?: string | undefined;
  opened: boolean;
  onClose: () => void;
  onCreated: (round: UatRound) => void;
}

/** Starts a UAT round: which customer tests, what they test, and who is invited (e-mailed at once). */
export function CreateRoundModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Start a UAT round" size="xl" centered>
      {props.opened && <CreateRoundForm {...props} />}
    </Modal>
  );
}

interface Values {
  title: string;
  accountId: string | null;
  cases: CaseValues[];
  contactIds: string[];
}

function CreateRoundForm({ requestId, requestTitle, onClose, onCreated }: Props) {
  const create = useCreateRound(requestId);
  const form = useForm<Values>({
    initialValues: {
      title: requestTitle ? `Acceptance: ${requestTitle}`.slice(0, 200) : '',
      accountId: null,
      cases: [emptyCase()],
      contactIds: [],
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the round a title'),
      accountId: (v) => (v ? null : 'Choose the customer who tests'),
      cases: caseRules,
    },
  });
  const submit = (values: Values) =>
    create.mutate(
      { title: values.title, accountId: values.accountId!, cases: values.cases, contactIds: values.contactIds },
      {
        onSuccess: (round) => {
          notifySuccess(
            round.invitees.length
              ? `Round started; ${round.invitees.length} ${round.invitees.length === 1 ? 'tester' : 'testers'} invited.`
              : 'Round started.',
          );
          onCreated(round);
          onClose();
        },
        onError: (e) => showServerErrors(form, e, ['title', 'accountId', 'contactIds', 'cases']),
      },
    );

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <TextInput label="Title" withAsterisk maxLength={200} {...form.getInputProps('title')} />
        <AccountSelect
          value={form.values.accountId}
          error={form.errors.accountId}
          onChange={(id) => {
            form.setFieldValue('accountId', id);
            form.setFieldValue('contactIds', []);
          }}
        />
        {form.values.accountId ? (
          <InviteeSelect
            accountId={form.values.accountId}
            value={form.values.contactIds}
            onChange={(ids) => form.setFieldValue('contactIds', ids)}
            error={form.errors.contactIds}
          />
        ) : (
          <MultiSelect label="Invite contacts" placeholder="Choose the account first" data={[]} disabled />
        )}
        <Divider label="Test cases" labelPosition="left" />
        {form.values.cases.map((_, i) => (
          <Card key={i} withBorder padding="sm">
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600}>
                Case {i + 1}
              </Text>
              {form.values.cases.length > 1 && (
                <Tooltip label="Remove this case">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove case ${i + 1}`}
                    onClick={() => form.removeListItem('cases', i)}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
            <CaseFields form={form} prefix={`cases.${i}.`} label={`Case ${i + 1}`} />
          </Card>
        ))}
        <Group justify="space-between">
          <Button
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('cases', emptyCase())}
            disabled={form.values.cases.length >= 100}
          >
            Another case
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Start round
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** The account's contacts to invite; mounted once an account is chosen, so it never asks for "no account". */
function InviteeSelect({
  accountId,
  ...input
}: {
  accountId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: ReactNode;
}) {
  const contacts = useContacts(accountId);
  return (
    <MultiSelect
      label="Invite contacts"
      description="Each one sees the round in the customer portal and gets an e-mail. You can invite more later."
      placeholder={contacts.isPending ? 'Loading contacts…' : 'Pick contacts'}
      data={(contacts.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
      searchable
      value={input.value}
      onChange={input.onChange}
      error={input.error}
    />
  );
}
