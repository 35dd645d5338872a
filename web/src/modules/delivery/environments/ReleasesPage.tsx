import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Autocomplete,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../ui/format';
import { Markdown } from '../../../ui/markdown';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useCreateRelease, useReleases, useUpdateRelease, type Release } from './api';

/** The release catalogue per product: what "versions behind" is counted against. */
export function ReleasesPage() {
  const { can } = useAuth();
  const releases = useReleases();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<Release | null>(null);
  const update = useUpdateRelease();
  const byProduct = new Map<string, Release[]>();
  for (const r of releases.data ?? []) byProduct.set(r.product, [...(byProduct.get(r.product) ?? []), r]);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Releases"
        description="Every release of each product, newest first. An environment is as many versions behind as there are newer releases here."
        actions={
          can('delivery.manage') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              Add release
            </Button>
          )
        }
      />
      {releases.isPending && <Skeleton height={300} />}
      {releases.isError && <QueryError error={releases.error} onRetry={() => void releases.refetch()} />}
      {[...byProduct].map(([product, list]) => (
        <Card key={product} component="section" aria-label={product}>
          <Title order={4} mb="sm">
            {product}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Th>Released</Table.Th>
                <Table.Th>Environments on it</Table.Th>
                <Table.Th>Supported</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={600}>{r.version}</Text>
                      {r.latest && (
                        <Badge size="xs" color="teal">
                          latest
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDate(r.releasedOn)}</Table.Td>
                  <Table.Td>{r.environmentCount}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`${r.version} supported`}
                      checked={r.supported}
                      disabled={!can('delivery.manage')}
                      label={r.supported ? 'Supported' : 'End of life'}
                      onChange={(e) =>
                        update.mutate({ id: r.id, supported: e.currentTarget.checked }, { onError: (err) => notifyError(err) })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => setShown(r)}>
                      Notes
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
      <Modal opened={creating} onClose={() => setCreating(false)} title="Add release" centered size="lg">
        {creating && <ReleaseForm products={[...byProduct.keys()]} onClose={() => setCreating(false)} />}
      </Modal>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={shown ? `${shown.product} ${shown.version}` : ''} size="lg">
        {shown && (shown.notes ? <Markdown source={shown.notes} /> : <Text c="dimmed">No notes.</Text>)}
      </Modal>
    </Stack>
  );
}

const FIELDS = ['product', 'version', 'releasedOn', 'notes', 'supported'] as const;

function ReleaseForm({ products, onClose }: { products: string[]; onClose: () => void }) {
  const create = useCreateRelease();
  const form = useForm({
    initialValues: {
      product: products[0] ?? '',
      version: '',
      releasedOn: new Date().toISOString().slice(0, 10),
      notes: '',
      supported: 'true',
    },
    validate: {
      product: (v) => (v.trim() ? null : 'Name the product'),
      version: (v) =>
        /^\d+(\.\d+){0,3}(-[0-9A-Za-z.]+)?$/.test(v.trim()) ? null : 'Write the version as numbers separated by dots, such as 5.2 or 5.2.1',
    },
  });
  const submit = form.onSubmit((v) =>
    create.mutate(
      { product: v.product.trim(), version: v.version.trim(), releasedOn: v.releasedOn, notes: v.notes, supported: v.supported === 'true' },
      {
        onSuccess: (r) => {
          notifySuccess(`Added ${r.product} ${r.version}`);
          onClose();
        },
        onError: (e) => showServerErrors(form, e, FIELDS),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Autocomplete label="Product" data={products} required {...form.getInputProps('product')} />
        <Group grow>
          <TextInput label="Version" required placeholder="4.9" {...form.getInputProps('version')} />
          <TextInput type="date" label="Released on" required {...form.getInputProps('releasedOn')} />
          <Select
            label="Support"
            data={[
              { value: 'true', label: 'Supported' },
              { value: 'false', label: 'End of life' },
            ]}
            {...form.getInputProps('supported')}
            allowDeselect={false}
          />
        </Group>
        <Textarea label="Release notes (Markdown)" autosize minRows={4} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add release
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
