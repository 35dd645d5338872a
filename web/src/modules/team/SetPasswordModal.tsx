import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { useSetMemberPassword, type Member } from './api';

export function SetPasswordModal({ member, onClose }: { member: Member | null; onClose: () => void }) {
  return (
    <Modal opened={member !== null} onClose={onClose} title={member ? `Set a password for ${member.name}` : ''} centered>
      {member && <SetPasswordForm member={member} onClose={onClose} />}
    </Modal>
  );
}

function SetPasswordForm({ member, onClose }: { member: Member; onClose: () => void }) {
  const setPassword = useSetMemberPassword();
  const form = useForm({ initialValues: { password: '' }, validate: { password: (v) => (v ? null : 'Enter a password') } });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ password }) =>
        setPassword.mutate(
          { id: member.id, password },
          {
            onSuccess: () => {
              notifySuccess(`Password set for ${member.name}.`);
              onClose();
            },
            onError: (error) => showServerErrors(form, error, ['password']),
          },
        ),
      )}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Tell them the new password in person or over a secure channel.
        </Text>
        <PasswordInput label="New password" autoComplete="new-password" data-autofocus {...form.getInputProps('password')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={setPassword.isPending}>
            Set password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
