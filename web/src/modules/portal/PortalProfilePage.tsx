import { Badge, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../lib/api-client';
import { IconLogout } from '@tabler/icons-react';
import { PageHeader } from '../../ui/PageHeader';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { usePortalSession, usePortalSignOut, useSetPortalPassword } from './api';

const MIN_PASSWORD = 10;

export function PortalProfilePage() {
  const session = usePortalSession().data;
  const signOut = usePortalSignOut();
  const navigate = useNavigate();
  if (!session) return null;
  return (
    <>
      <PageHeader title="Your profile" />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card>
          <Stack gap="sm">
            <Title order={4}>You</Title>
            <Field label="Name" value={session.contact.name} />
            <Field label="E-mail" value={session.contact.email} />
            <Field label="Organisation" value={session.account.name} />
            <Group justify="space-between" mt="sm">
              <Text size="xs" c="dimmed">
                To change your name or e-mail, ask your account team.
              </Text>
              <Button
                variant="light"
                color="red"
                leftSection={<IconLogout size={16} />}
                loading={signOut.isPending}
                onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/portal/sign-in', { replace: true }) })}
              >
                Sign out
              </Button>
            </Group>
          </Stack>
        </Card>
        <PasswordCard hasPassword={session.contact.hasPassword} />
      </SimpleGrid>
    </>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}

function PasswordCard({ hasPassword }: { hasPassword: boolean }) {
  const setPassword = useSetPortalPassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (hasPassword && !v ? 'Enter your current password' : null),
      newPassword: (v) => (v.length >= MIN_PASSWORD ? null : `Use at least ${MIN_PASSWORD} characters`),
      confirm: (v, values) => (v === values.newPassword ? null : 'The passwords do not match'),
    },
  });
  return (
    <Card>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          setPassword.mutate(
            { currentPassword: hasPassword ? values.currentPassword : undefined, newPassword: values.newPassword },
            {
              onSuccess: () => {
                form.reset();
                notifySuccess(
                  hasPassword ? 'Password changed. Other devices were signed out.' : 'Password set. You can now sign in with it.',
                );
              },
              onError: (error) => {
                if (error instanceof ApiError && error.code === 'auth.invalid_credentials')
                  form.setErrors({ currentPassword: 'That is not your current password' });
                else showServerErrors(form, error, ['currentPassword', 'newPassword']);
              },
            },
          ),
        )}
      >
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>Password</Title>
            <Badge variant="light" color={hasPassword ? 'green' : 'gray'}>
              {hasPassword ? 'Set' : 'Not set'}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {hasPassword
              ? 'Change the password you sign in with. You can always sign in with an e-mailed link instead.'
              : 'You sign in with e-mailed links. Set a password if you would rather sign in with one.'}
          </Text>
          {hasPassword && (
            <PasswordInput label="Current password" autoComplete="current-password" {...form.getInputProps('currentPassword')} />
          )}
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            description={`At least ${MIN_PASSWORD} characters`}
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput label="Confirm new password" autoComplete="new-password" {...form.getInputProps('confirm')} />
          <Group justify="flex-end">
            <Button type="submit" loading={setPassword.isPending}>
              {hasPassword ? 'Change password' : 'Set password'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
