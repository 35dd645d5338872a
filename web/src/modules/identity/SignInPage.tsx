import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth, useSignIn } from '../../lib/auth';
import { ApiError } from '../../lib/api-client';
import { IconAlertTriangle, IconHeartHandshake } from '@tabler/icons-react';
import { showServerErrors } from '../../ui/server-errors';

/** Only same-site paths, so a crafted link cannot bounce a fresh session to another site. */
function safeRedirect(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function SignInPage() {
  const { session } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const target = safeRedirect(params.get('from'));
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : 'Enter your e-mail'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });

  if (session && !signIn.isPending) return <Navigate to={target} replace />;

  const credentialsError = signIn.error instanceof ApiError && signIn.error.code !== 'request.invalid' ? signIn.error.message : null;

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack w={400} gap="lg">
        <Stack align="center" gap={6}>
          <ThemeIcon size={48} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan' }}>
            <IconHeartHandshake size={28} />
          </ThemeIcon>
          <Title order={2}>Sign in to Outpost</Title>
          <Text c="dimmed" size="sm">
            The workbench for customer-facing engineering teams
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form
            noValidate
            onSubmit={form.onSubmit((values) =>
              signIn.mutate(values, {
                onSuccess: () => navigate(target, { replace: true }),
                onError: (error) => {
                  if (error instanceof ApiError && error.code === 'request.invalid') showServerErrors(form, error, ['email', 'password']);
                },
              }),
            )}
          >
            <Stack>
              {credentialsError && (
                <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
                  {credentialsError}
                </Alert>
              )}
              <TextInput
                label="E-mail"
                type="email"
                autoComplete="username"
                placeholder="you@company.com"
                autoFocus
                {...form.getInputProps('email')}
              />
              <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
              <Button type="submit" fullWidth loading={signIn.isPending} mt="xs">
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text size="xs" c="dimmed" ta="center">
          Integrating a tool? See the{' '}
          <Anchor href="/api/docs" size="xs">
            API documentation
          </Anchor>
          .
        </Text>
      </Stack>
    </Center>
  );
}
