import { Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import { useInviteContacts, type UatRound } from './api';

interface Props {
  round: UatRound;
  opened: boolean;
  onClose: () => void;
}

/** Invites more of the account's contacts; each sees the round in the portal and gets an e-mail. */
export function InviteContactsModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Invite testers" centered>
      {props.opened && <InviteForm {...props} />}
    </Modal>
  );
}

function InviteForm({ round, onClose }: Props) {
  const contacts = useContacts(round.account.id);
  const invite = useInviteContacts(round.id);
  const invited = new Set(round.invitees.map((i) => i.contact.id));
  const form = useForm({
    initialValues: { contactIds: [] as string[] },
    validate: { contactIds: (v) => (v.length ? null : 'Pick at least one contact') },
  });
  const options = (contacts.data ?? []).filter((c) => !invited.has(c.id)).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }));
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        invite.mutate(values.contactIds, {
          onSuccess: () => {
            notifySuccess(values.contactIds.length === 1 ? 'Invitation sent.' : `${values.contactIds.length} invitations sent.`);
            onClose();
          },
          onError: (e) => showServerErrors(form, e, ['contactIds']),
        }),
      )}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Contacts of {round.account.name}. Each one finds the round under “Acceptance testing” in the portal and gets an e-mail with a link
          to it.
        </Text>
        <MultiSelect
          label="Contacts"
          placeholder={contacts.isPending ? 'Loading contacts…' : 'Pick contacts'}
          data={options}
          searchable
          nothingFoundMessage="Every contact of this account is invited already"
          {...form.getInputProps('contactIds')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitations
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
