import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Center, Loader, Paper, PasswordInput, Stack, Tabs, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../lib/api-client';
import { IconAlertTriangle, IconLock, IconMail } from '@tabler/icons-react';
import { showServerErrors } from '../../ui/server-errors';
import { usePortalSession, useRequestSignInLink, useSignInWithLink, useSignInWithPassword } from './api';
import { IconMailOpened } from '@tabler/icons-react';
import { BrandMark, usePortalBranding } from './PortalRoot';

/** Only portal paths, so a crafted link cannot bounce a fresh session elsewhere. */
function safeTarget(from: string | null): string {
  return from && from.startsWith('/portal') && !from.startsWith('/portal/sign-in') ? from : '/portal';
}

export function PortalSignInPage() {
  const branding = usePortalBranding();
  const [params, setParams] = useSearchParams();
  const token = params.get('token');
  // With a link's token, signing in with it is the answer; no need to ask who is signed in first.
  const session = usePortalSession({ enabled: !token });
  const target = safeTarget(params.get('from'));

  if (!token && session.data) return <Navigate to={target} replace />;

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack w={420} gap="lg">
        <Stack align="center" gap={8}>
          <BrandMark branding={branding} size={44} />
          <Text c="dimmed" size="sm" ta="center">
            Sign in to follow your requests and reach our support team.
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {token ? (
            <LinkSignIn
              token={token}
              target={target}
              onRequestNew={() =>
                setParams(
                  (current) => {
                    const next = new URLSearchParams(current);
                    next.delete('token');
                    return next;
                  },
                  { replace: true },
                )
              }
            />
          ) : (
            <SignInForms target={target} />
          )}
        </Paper>
      </Stack>
    </Center>
  );
}

/** Signs in with the token of an e-mailed link, once: links are single use. */
function LinkSignIn({ token, target, onRequestNew }: { token: string; target: string; onRequestNew: () => void }) {
  const signIn = useSignInWithLink();
  const navigate = useNavigate();
  const tried = useRef<string | null>(null);
  useEffect(() => {
    if (tried.current === token) return;
    tried.current = token;
    signIn.mutate(token, { onSuccess: () => navigate(target, { replace: true }) });
  }, [token, target, signIn, navigate]);

  if (signIn.isError) {
    const invalid = signIn.error instanceof ApiError && (signIn.error.code === 'portal.link_invalid' || signIn.error.status === 400);
    return (
      <Stack align="center" gap="md" ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color="orange">
          <IconAlertTriangle size={26} />
        </ThemeIcon>
        <Title order={3}>{invalid ? 'This sign-in link has expired' : 'We could not sign you in'}</Title>
        <Text size="sm" c="dimmed">
          {invalid
            ? 'Sign-in links work once and for 30 minutes. Ask for a new one and we will e-mail it right away.'
            : signIn.error.message}
        </Text>
        <Button onClick={onRequestNew} fullWidth>
          E-mail me a new link
        </Button>
      </Stack>
    );
  }
  return (
    <Stack align="center" gap="md" py="md">
      <Loader />
      <Text size="sm" c="dimmed">
        Signing you in…
      </Text>
    </Stack>
  );
}

function SignInForms({ target }: { target: string }) {
  return (
    <Tabs defaultValue="link" variant="pills" radius="md">
      <Tabs.List grow mb="lg">
        <Tabs.Tab value="link" leftSection={<IconMail size={16} />}>
          E-mail me a link
        </Tabs.Tab>
        <Tabs.Tab value="password" leftSection={<IconLock size={16} />}>
          Sign in with password
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="link">
        <LinkRequestForm />
      </Tabs.Panel>
      <Tabs.Panel value="password">
        <PasswordForm target={target} />
      </Tabs.Panel>
    </Tabs>
  );
}

function LinkRequestForm() {
  const request = useRequestSignInLink();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter the e-mail address your support team knows you by') },
  });

  if (sentTo) {
    return (
      <Stack align="center" gap="sm" ta="center" role="status">
        <ThemeIcon size={52} radius="xl" variant="light" color="brand">
          <IconMailOpened size={28} />
        </ThemeIcon>
        <Title order={3}>Check your inbox</Title>
        <Text size="sm">
          If <b>{sentTo}</b> belongs to a customer of ours, a sign-in link is on its way. It works once and expires in 30 minutes.
        </Text>
        <Text size="xs" c="dimmed">
          Nothing after a few minutes? Check your spam folder, or{' '}
          <Anchor
            component="button"
            size="xs"
            onClick={() => {
              setSentTo(null);
              request.reset();
            }}
          >
            try another address
          </Anchor>
          .
        </Text>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        request.mutate(values.email.trim(), {
          onSuccess: () => setSentTo(values.email.trim()),
          onError: (error) => showServerErrors(form, error, ['email']),
        }),
      )}
    >
      <Stack>
        <TextInput
          label="Work e-mail"
          type="email"
          autoComplete="email"
          placeholder="you@company.com"
          autoFocus
          {...form.getInputProps('email')}
        />
        <Button type="submit" fullWidth loading={request.isPending}>
          E-mail me a sign-in link
        </Button>
        <Text size="xs" c="dimmed" ta="center">
          No password needed: we send you a link that signs you in.
        </Text>
      </Stack>
    </form>
  );
}

function PasswordForm({ target }: { target: string }) {
  const signIn = useSignInWithPassword();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : 'Enter your e-mail'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });
  const failure = signIn.error instanceof ApiError && signIn.error.code !== 'request.invalid' ? signIn.error.message : null;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        signIn.mutate(
          { email: values.email.trim(), password: values.password },
          {
            onSuccess: () => navigate(target, { replace: true }),
            onError: (error) => {
              if (error instanceof ApiError && error.code === 'request.invalid') showServerErrors(form, error, ['email', 'password']);
            },
          },
        ),
      )}
    >
      <Stack>
        {failure && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
            {failure}
          </Alert>
        )}
        <TextInput label="E-mail" type="email" autoComplete="username" placeholder="you@company.com" {...form.getInputProps('email')} />
        <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
        <Button type="submit" fullWidth loading={signIn.isPending}>
          Sign in
        </Button>
        <Text size="xs" c="dimmed" ta="center">
          No password yet? Sign in with a link, then set one in your profile.
        </Text>
      </Stack>
    </form>
  );
}
