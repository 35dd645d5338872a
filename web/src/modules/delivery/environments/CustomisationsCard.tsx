import { ActionIcon, Anchor, Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../ui/format';
import { notifyError, notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useMemberOptions } from '../../team/api';
import { useCustomisationMutations, type Environment } from './api';

/** What was customised in this environment, why, who owns it and where its code lives. */
export function CustomisationsCard({ env }: { env: Environment }) {
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  const mutations = useCustomisationMutations(env.id);
  return (
    <Card component="section" aria-label="Customisations">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Customisations</Title>
        {can('environments.write') && (
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            Add customisation
          </Button>
        )}
      </Group>
      {env.customisations.length === 0 ? (
        <Text size="sm" c="dimmed">
          None recorded: this environment runs the product as shipped.
        </Text>
      ) : (
        <Stack gap="md">
          {env.customisations.map((c) => (
            <Group key={c.id} justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Text fw={600} size="sm">
                  {c.title}
                </Text>
                {c.reason && <Text size="sm">{c.reason}</Text>}
                <Text size="xs" c="dimmed">
                  {c.owner ? `Owner: ${c.owner.name} · ` : ''}since {formatDate(c.createdAt)}
                  {c.repositoryUrl && (
                    <>
                      {' · '}
                      <Anchor href={c.repositoryUrl} target="_blank" rel="noreferrer" size="xs">
                        code repository
                      </Anchor>
                    </>
                  )}
                </Text>
              </div>
              {can('environments.write') && (
                <Tooltip label="Remove">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${c.title}`}
                    onClick={() => mutations.remove.mutate(c.id, { onError: (e) => notifyError(e) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add customisation" centered>
        {adding && <CustomisationForm environmentId={env.id} onClose={() => setAdding(false)} />}
      </Modal>
    </Card>
  );
}

const FIELDS = ['title', 'reason', 'ownerId', 'repositoryUrl'] as const;

function CustomisationForm({ environmentId, onClose }: { environmentId: string; onClose: () => void }) {
  const { add } = useCustomisationMutations(environmentId);
  const members = useMemberOptions();
  const form = useForm({
    initialValues: { title: '', reason: '', ownerId: null as string | null, repositoryUrl: '' },
    validate: { title: (v) => (v.trim() ? null : 'Say what was customised') },
  });
  const submit = form.onSubmit((v) =>
    add.mutate(
      { title: v.title, reason: v.reason.trim() || null, ownerId: v.ownerId, repositoryUrl: v.repositoryUrl.trim() || null },
      {
        onSuccess: () => {
          notifySuccess('Customisation recorded');
          onClose();
        },
        onError: (e) => showServerErrors(form, e, FIELDS),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="What" required placeholder="SAP order export" {...form.getInputProps('title')} />
        <Textarea label="Why" autosize minRows={2} {...form.getInputProps('reason')} />
        <Select label="Owner" data={members.options} searchable clearable {...form.getInputProps('ownerId')} />
        <TextInput label="Code repository" placeholder="https://git.example.com/customer/repo" {...form.getInputProps('repositoryUrl')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
