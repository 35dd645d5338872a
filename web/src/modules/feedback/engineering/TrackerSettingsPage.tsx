import { Button, Card, Group, PasswordInput, Select, SimpleGrid, Skeleton, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useSaveTrackerSettings, useTrackerSettings, type TrackerSettings, type TrackerSettingsInput } from './api';

/** /admin/trackers: where engineering issues are created, and the secrets the trackers' webhooks sign with. */
export function TrackerSettingsPage() {
  const settings = useTrackerSettings();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Issue trackers"
        description="Create engineering issues in GitHub or Jira, and let their webhooks update status and fix release here."
      />
      {settings.isPending && <Skeleton height={400} />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isSuccess && <TrackerForm settings={settings.data} />}
    </Stack>
  );
}

const FIELDS = ['defaultTracker', 'github', 'jira'] as const;

function TrackerForm({ settings }: { settings: TrackerSettings }) {
  const save = useSaveTrackerSettings();
  const form = useForm({
    initialValues: {
      defaultTracker: settings.defaultTracker as string,
      autoSendFixReplies: settings.autoSendFixReplies,
      githubApiUrl: settings.github?.apiUrl ?? 'https://api.github.com',
      githubRepo: settings.github?.repo ?? '',
      githubToken: '',
      githubWebhookSecret: '',
      jiraBaseUrl: settings.jira?.baseUrl ?? '',
      jiraProjectKey: settings.jira?.projectKey ?? '',
      jiraEmail: settings.jira?.email ?? '',
      jiraApiToken: '',
      jiraWebhookSecret: '',
    },
  });
  const kept = (has: boolean | undefined) => (has ? 'Stored — leave empty to keep it' : undefined);

  const submit = (v: typeof form.values) => {
    const input: TrackerSettingsInput = {
      defaultTracker: v.defaultTracker as TrackerSettingsInput['defaultTracker'],
      autoSendFixReplies: v.autoSendFixReplies,
      github: v.githubRepo.trim()
        ? {
            apiUrl: v.githubApiUrl.trim(),
            repo: v.githubRepo.trim(),
            ...(v.githubToken ? { token: v.githubToken } : {}),
            ...(v.githubWebhookSecret ? { webhookSecret: v.githubWebhookSecret } : {}),
          }
        : null,
      jira: v.jiraBaseUrl.trim()
        ? {
            baseUrl: v.jiraBaseUrl.trim(),
            projectKey: v.jiraProjectKey.trim(),
            email: v.jiraEmail.trim(),
            ...(v.jiraApiToken ? { apiToken: v.jiraApiToken } : {}),
            ...(v.jiraWebhookSecret ? { webhookSecret: v.jiraWebhookSecret } : {}),
          }
        : null,
    };
    save.mutate(input, {
      onSuccess: () => {
        notifySuccess('Tracker settings saved.');
        form.setValues({ githubToken: '', githubWebhookSecret: '', jiraApiToken: '', jiraWebhookSecret: '' });
      },
      onError: (error) => showServerErrors(form, error, FIELDS),
    });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="lg">
        <Card>
          <Stack gap="sm">
            <Select
              label="Create new engineering issues in"
              allowDeselect={false}
              data={[
                { value: 'outpost', label: 'Outpost only (ENG-n)' },
                { value: 'github', label: 'GitHub' },
                { value: 'jira', label: 'Jira' },
              ]}
              {...form.getInputProps('defaultTracker')}
              w={{ base: '100%', sm: 320 }}
            />
            <Switch
              label="Send the fix reply to customers automatically when a fix ships (otherwise it waits as a draft on each ticket)"
              {...form.getInputProps('autoSendFixReplies', { type: 'checkbox' })}
            />
          </Stack>
        </Card>
        <Card>
          <Title order={5} mb="xs">
            GitHub
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Webhook: POST /api/engineering-trackers/github/webhook, content type application/json, the "Issues" event.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="API URL" {...form.getInputProps('githubApiUrl')} />
            <TextInput label="Repository" placeholder="owner/name" {...form.getInputProps('githubRepo')} />
            <PasswordInput label="Token" description={kept(settings.github?.hasToken)} {...form.getInputProps('githubToken')} />
            <PasswordInput
              label="Webhook secret"
              description={kept(settings.github?.hasWebhookSecret)}
              {...form.getInputProps('githubWebhookSecret')}
            />
          </SimpleGrid>
        </Card>
        <Card>
          <Title order={5} mb="xs">
            Jira
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Webhook: POST /api/engineering-trackers/jira/webhook?secret=…, event "Issue updated".
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Site URL" placeholder="https://acme.atlassian.net" {...form.getInputProps('jiraBaseUrl')} />
            <TextInput label="Project key" placeholder="PROJ" {...form.getInputProps('jiraProjectKey')} />
            <TextInput label="Account e-mail" {...form.getInputProps('jiraEmail')} />
            <PasswordInput label="API token" description={kept(settings.jira?.hasApiToken)} {...form.getInputProps('jiraApiToken')} />
            <PasswordInput
              label="Webhook secret"
              description={kept(settings.jira?.hasWebhookSecret)}
              {...form.getInputProps('jiraWebhookSecret')}
            />
          </SimpleGrid>
        </Card>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
