import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  TagsInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { SEGMENT_LABELS, SEGMENTS, type Segment } from '../../accounts/labels';
import { useMemberOptions } from '../../team/api';
import { HOSTING_KINDS, HOSTING_LABELS, useCreateCampaign, useReleases, useScopePreview, type Hosting } from './api';

const FIELDS = ['name', 'product', 'targetVersion', 'ownerId', 'description', 'filters', 'windows'] as const;

export function CreateCampaignModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Start an upgrade campaign" size="xl" centered>
      {opened && <CampaignForm onClose={onClose} />}
    </Modal>
  );
}

/** datetime-local text (the browser's local time) as an ISO instant. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : '');

function CampaignForm({ onClose }: { onClose: () => void }) {
  const releases = useReleases();
  const members = useMemberOptions();
  const create = useCreateCampaign();
  const navigate = useNavigate();
  const products = [...new Set((releases.data ?? []).map((r) => r.product))];
  const form = useForm({
    initialValues: {
      name: '',
      product: '',
      targetVersion: '',
      ownerId: null as string | null,
      description: '',
      // Chosen from the selects' data, so only the contract's values.
      segments: [] as Segment[],
      hosting: [] as Hosting[],
      names: [] as string[],
      belowTarget: true,
      windows: [] as { startsAt: string; endsAt: string; note: string }[],
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the campaign'),
      targetVersion: (v) => (v ? null : 'Pick the target version'),
      windows: {
        endsAt: (v, values, path) => {
          const i = Number(path.split('.')[1]);
          const start = values.windows[i]?.startsAt;
          return start && v && new Date(v) <= new Date(start) ? 'A maintenance window must end after it starts' : null;
        },
      },
    },
  });
  const product = form.values.product || products[0] || '';
  const productReleases = (releases.data ?? []).filter((r) => r.product === product);
  const target = form.values.targetVersion;
  const [preview] = useDebouncedValue(
    {
      product,
      targetVersion: target,
      segments: form.values.segments.join(','),
      hosting: form.values.hosting.join(','),
      names: form.values.names.join(','),
      belowTarget: String(form.values.belowTarget),
    },
    250,
  );
  const scope = useScopePreview(
    Object.fromEntries(Object.entries(preview).filter(([, v]) => v !== '')),
    !!preview.product && !!preview.targetVersion,
  );

  const submit = form.onSubmit((v) => {
    create.mutate(
      {
        name: v.name,
        product,
        targetVersion: v.targetVersion,
        ownerId: v.ownerId,
        description: v.description.trim() || null,
        filters: {
          ...(v.segments.length ? { segments: v.segments } : {}),
          ...(v.hosting.length ? { hosting: v.hosting } : {}),
          ...(v.names.length ? { names: v.names } : {}),
          belowTarget: v.belowTarget,
        },
        windows: v.windows.map((w) => ({ startsAt: toIso(w.startsAt), endsAt: toIso(w.endsAt), note: w.note.trim() || null })),
      },
      {
        onSuccess: (campaign) => {
          notifySuccess(`Campaign started with ${campaign.progress.total} environments`);
          onClose();
          void navigate(`/campaigns/${campaign.id}`);
        },
        onError: (error) => showServerErrors(form, error, [...FIELDS, 'windows.0.endsAt', 'windows.1.endsAt', 'windows.2.endsAt'], {}),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Name" required placeholder="Production to 4.8" {...form.getInputProps('name')} />
          <Select
            label="Product"
            data={products}
            value={product}
            onChange={(v) => form.setValues({ product: v ?? '', targetVersion: '' })}
            allowDeselect={false}
          />
          <Select
            label="Target version"
            required
            data={productReleases.map((r) => ({ value: r.version, label: `${r.version}${r.latest ? ' (latest)' : ''}` }))}
            {...form.getInputProps('targetVersion')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Owner" placeholder="You" data={members.options} searchable clearable {...form.getInputProps('ownerId')} />
          <Textarea label="Description" autosize minRows={1} {...form.getInputProps('description')} />
        </SimpleGrid>
        <Text fw={600} size="sm">
          Environments in scope
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <MultiSelect
            label="Account segment"
            placeholder="Any"
            data={SEGMENTS.map((s) => ({ value: s, label: SEGMENT_LABELS[s] }))}
            {...form.getInputProps('segments')}
            clearable
          />
          <MultiSelect
            label="Hosting"
            placeholder="Any"
            data={HOSTING_KINDS.map((h) => ({ value: h, label: HOSTING_LABELS[h] }))}
            {...form.getInputProps('hosting')}
            clearable
          />
          <TagsInput label="Environment names" placeholder="production (Enter)" {...form.getInputProps('names')} />
        </SimpleGrid>
        <Switch label="Only environments on a version older than the target" {...form.getInputProps('belowTarget', { type: 'checkbox' })} />
        <Alert variant="light" color={scope.data?.count ? 'blue' : 'gray'} data-testid="scope-preview">
          {!target ? (
            'Pick a target version to see the environments in scope.'
          ) : scope.data ? (
            <>
              <Text size="sm" fw={600}>
                {scope.data.count} environment{scope.data.count === 1 ? '' : 's'} in scope
              </Text>
              <Group gap={4} mt={4}>
                {scope.data.environments.slice(0, 12).map((e) => (
                  <Badge key={e.id} variant="outline" size="sm" style={{ textTransform: 'none' }}>
                    {e.account.name} · {e.name} · {e.version}
                  </Badge>
                ))}
                {scope.data.count > 12 && <Text size="xs">and {scope.data.count - 12} more</Text>}
              </Group>
            </>
          ) : (
            'Counting…'
          )}
        </Alert>
        <Group justify="space-between">
          <Text fw={600} size="sm">
            Maintenance windows
          </Text>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('windows', { startsAt: '', endsAt: '', note: '' })}
          >
            Add window
          </Button>
        </Group>
        {form.values.windows.map((_, i) => (
          <Group key={i} align="flex-start" grow>
            <TextInput type="datetime-local" label="Starts" {...form.getInputProps(`windows.${i}.startsAt`)} />
            <TextInput type="datetime-local" label="Ends" {...form.getInputProps(`windows.${i}.endsAt`)} />
            <TextInput label="Note" placeholder="EU customers" {...form.getInputProps(`windows.${i}.note`)} />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              maw={36}
              aria-label="Remove window"
              onClick={() => form.removeListItem('windows', i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Start campaign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
