import { Alert, Anchor, Button, Group, Modal, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate } from '../../../ui/format';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import { COLLATERAL_KIND_LABELS, formatLabel, useCollateral, useCollateralList, useSendCollateral, type CollateralItem } from './api';

interface Props {
  opportunityId: string;
  opportunityName: string;
  accountId: string;
  accountName: string;
  opened: boolean;
  onClose: () => void;
}

interface SendValues {
  itemId: string | null;
  versionId: string | null;
  contactIds: string[];
  note: string;
}

const FIELDS = ['itemId', 'versionId', 'contactIds', 'note'] as const;

/**
 * Sends collateral for a deal: the item and version (the current one unless another is chosen),
 * the account's contacts to e-mail it to (the file attached), and a note. With no contacts the
 * send is only recorded. Either way it is logged as an e-mail on the account's timeline and the
 * deal's activity.
 */
export function SendCollateralModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Send collateral" size="lg" centered>
      {props.opened && <SendForm {...props} />}
    </Modal>
  );
}

function SendForm({ opportunityId, opportunityName, accountId, accountName, onClose }: Props) {
  const send = useSendCollateral(opportunityId);
  const contacts = useContacts(accountId);
  const form = useForm<SendValues>({
    initialValues: { itemId: null, versionId: null, contactIds: [], note: '' },
    validate: {
      itemId: (v) => (v ? null : 'Choose the collateral'),
      versionId: (v) => (v ? null : 'Choose the version'),
    },
  });
  // The library is searched on the server as the user types; the chosen item stays offered.
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<CollateralItem | null>(null);
  const list = useCollateralList({ q: q.trim() || undefined, status: 'current', sort: 'title', limit: 50 });
  const found = list.data?.items ?? [];
  const options = [...(chosen && !found.some((i) => i.id === chosen.id) ? [chosen] : []), ...found];
  const item = useCollateral(form.values.itemId);
  const versions = item.data?.versions ?? [];
  const version = versions.find((v) => v.id === form.values.versionId);
  const emailing = form.values.contactIds.length > 0;

  const submit = form.onSubmit((values) =>
    send.mutate(
      { versionId: values.versionId!, contactIds: values.contactIds, note: values.note.trim() || null },
      {
        onSuccess: (sent) => {
          notifySuccess(
            sent.email
              ? `“${sent.item.title}” version ${sent.version.number} is on its way to ${sent.contacts.map((c) => c.name).join(', ')}.`
              : `Recorded: “${sent.item.title}” version ${sent.version.number} sent for ${opportunityName}.`,
          );
          onClose();
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label="Collateral"
          required
          searchable
          placeholder="Search the library"
          nothingFoundMessage={list.isFetching ? 'Searching…' : 'No current collateral matches'}
          // The server filtered already: show every option it returned.
          filter={({ options: all }) => all}
          searchValue={search}
          onSearchChange={setSearch}
          data={options.map((i) => ({ value: i.id, label: `${i.title} · ${COLLATERAL_KIND_LABELS[i.kind]}` }))}
          value={form.values.itemId}
          error={form.errors.itemId}
          onChange={(id) => {
            const picked = options.find((i) => i.id === id) ?? null;
            setChosen(picked);
            form.setValues({ itemId: id, versionId: picked?.currentVersion?.id ?? null });
          }}
        />
        <Select
          label="Version"
          required
          allowDeselect={false}
          disabled={!form.values.itemId}
          placeholder={form.values.itemId ? 'Loading versions…' : 'Choose the collateral first'}
          data={versions.map((v) => ({
            value: v.id,
            label: `Version ${v.number}${v.id === item.data?.currentVersion?.id ? ' (current)' : ''} · ${formatLabel(v.filename)} · ${formatDate(v.uploadedAt)}`,
          }))}
          {...form.getInputProps('versionId')}
        />
        <MultiSelect
          label={`Sent to (contacts at ${accountName})`}
          placeholder={contacts.data?.length ? 'Choose contacts' : 'The account has no contacts'}
          searchable
          data={(contacts.data ?? []).map((c) => ({ value: c.id, label: `${c.name}${c.title ? ` — ${c.title}` : ''}` }))}
          {...form.getInputProps('contactIds')}
        />
        <Textarea
          label="Note"
          placeholder="Why it was sent, what was asked"
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
          {emailing ? (
            <>
              The chosen contacts get one e-mail with{' '}
              {version ? `version ${version.number} (${formatLabel(version.filename)})` : 'the file'} attached and your note; replies come
              to you. It is logged on {accountName}’s timeline.
            </>
          ) : (
            <>
              With no contacts chosen the send is only recorded, and logged on {accountName}’s timeline: share the file yourself
              {version ? (
                <>
                  {' '}
                  (
                  <Anchor href={version.downloadUrl} download>
                    download version {version.number}
                  </Anchor>
                  ).
                </>
              ) : (
                '.'
              )}
            </>
          )}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={send.isPending} leftSection={<IconSend size={16} />}>
            {emailing ? 'Send by e-mail' : 'Record send'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
