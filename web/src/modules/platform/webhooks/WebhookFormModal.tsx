import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { showServerErrors } from '../../../ui/server-errors';
import { useCreateWebhook, useUpdateWebhook, type Webhook, type WebhookInput } from './api';
import { EVENT_LABELS } from './labels';

interface Props {
  opened: boolean;
  webhook?: Webhook;
  eventTypes: string[];
  onClose: () => void;
  onCreated: (name: string, secret: string) => void;
}

/** Creates a subscription (the signing secret follows, shown once) or edits one. */
export function WebhookFormModal({ opened, webhook, eventTypes, onClose, onCreated }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={webhook ? `Edit “${webhook.name}”` : 'Add a webhook'} size="lg" centered>
      <WebhookForm key={webhook?.id ?? 'new'} webhook={webhook} eventTypes={eventTypes} onClose={onClose} onCreated={onCreated} />
    </Modal>
  );
}

function WebhookForm({ webhook, eventTypes, onClose, onCreated }: Omit<Props, 'opened'>) {
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const form = useForm({
    initialValues: webhook
      ? { name: webhook.name, url: webhook.url, eventTypes: webhook.eventTypes }
      : { name: '', url: '', eventTypes: ['ticket.created', 'webhook.ping'] },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the receiver, e.g. after the system it feeds'),
      url: (v) => (/^https?:\/\/\S+$/i.test(v.trim()) ? null : 'Use a full http(s) URL'),
      eventTypes: (v) => (v.length ? null : 'Subscribe to at least one event'),
    },
  });

  const all = form.values.eventTypes.includes('*');
  const fields = ['name', 'url', 'eventTypes'];
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        // The boxes carry the event types the server listed; it checks them again.
        const eventTypes = (values.eventTypes.includes('*') ? ['*'] : values.eventTypes) as WebhookInput['eventTypes'];
        const body = { name: values.name.trim(), url: values.url.trim(), eventTypes };
        if (webhook) {
          update.mutate({ id: webhook.id, ...body }, { onSuccess: onClose, onError: (error) => showServerErrors(form, error, fields) });
        } else {
          create.mutate(body, {
            onSuccess: (result) => onCreated(result.webhook.name, result.secret),
            onError: (error) => showServerErrors(form, error, fields),
          });
        }
      })}
    >
      <Stack>
        <TextInput label="Name" placeholder="Ops alerts" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label="Payload URL"
          placeholder="https://hooks.example.com/outpost"
          withAsterisk
          description="Outpost POSTs JSON here, signed with the subscription’s secret."
          {...form.getInputProps('url')}
        />
        <Checkbox.Group label="Events" withAsterisk {...form.getInputProps('eventTypes')}>
          <Stack gap="xs" mt="xs">
            <Checkbox value="*" label="All events" description={EVENT_LABELS['*']} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {eventTypes.map((type) => (
                <Checkbox key={type} value={type} disabled={all} label={type} description={EVENT_LABELS[type]} />
              ))}
            </SimpleGrid>
          </Stack>
        </Checkbox.Group>
        {!webhook && (
          <Text size="xs" c="dimmed">
            The signing secret is shown once, right after you add the webhook.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {webhook ? 'Save changes' : 'Add webhook'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
