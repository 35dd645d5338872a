import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router-dom';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import { HOSTING_KINDS, HOSTING_LABELS, useCreateEnvironment, useReleases, type Hosting } from './api';

const FIELDS = ['name', 'product', 'version', 'hosting', 'region', 'configuration', 'contactIds'] as const;

export function RegisterEnvironmentModal({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Register environment" size="lg" centered>
      {opened && <RegisterForm accountId={accountId} onClose={onClose} />}
    </Modal>
  );
}

function RegisterForm({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const releases = useReleases();
  const contacts = useContacts(accountId);
  const create = useCreateEnvironment(accountId);
  const navigate = useNavigate();
  const products = [...new Set((releases.data ?? []).map((r) => r.product))];
  const form = useForm({
    initialValues: {
      name: 'production',
      product: products[0] ?? '',
      version: '',
      hosting: 'cloud' as Hosting,
      region: '',
      configuration: '{\n}',
      contactIds: [] as string[],
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the environment (production, staging, …)'),
      product: (v) => (v ? null : 'Pick the product'),
      version: (v) => (v ? null : 'Pick the version it runs'),
      configuration: (v) => {
        try {
          const parsed: unknown = JSON.parse(v || '{}');
          return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
            ? null
            : 'The configuration must be a JSON object ({ … })';
        } catch (e) {
          return `Not valid JSON: ${(e as Error).message}`;
        }
      },
    },
  });
  const product = form.values.product || products[0] || '';
  const versions = (releases.data ?? [])
    .filter((r) => r.product === product)
    .map((r) => ({ value: r.version, label: `${r.version}${r.latest ? ' (latest)' : ''}${r.supported ? '' : ' — end of life'}` }));

  const submit = form.onSubmit((values) => {
    create.mutate(
      { ...values, product, region: values.region.trim() || null, configuration: values.configuration.trim() || '{}' },
      {
        onSuccess: (env) => {
          notifySuccess(`Registered ${env.name}`);
          onClose();
          void navigate(`/environments/${env.id}`);
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label="Name" required placeholder="production" {...form.getInputProps('name')} />
          <Select
            label="Product"
            required
            data={products}
            {...form.getInputProps('product')}
            value={product}
            onChange={(v) => form.setValues({ product: v ?? '', version: '' })}
          />
          <Select label="Version" required searchable data={versions} placeholder="Pick a release" {...form.getInputProps('version')} />
          <Select
            label="Hosting"
            required
            data={HOSTING_KINDS.map((h) => ({ value: h, label: HOSTING_LABELS[h] }))}
            {...form.getInputProps('hosting')}
            allowDeselect={false}
          />
        </SimpleGrid>
        <TextInput label="Region" placeholder="eu-west-1, customer data centre…" {...form.getInputProps('region')} />
        <MultiSelect
          label="Contacts responsible"
          description="The first is the main contact (the requester of tickets about this environment)"
          data={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          searchable
          {...form.getInputProps('contactIds')}
        />
        <Textarea
          label="Configuration (JSON)"
          autosize
          minRows={3}
          maxRows={10}
          styles={{ input: { fontFamily: 'monospace' } }}
          {...form.getInputProps('configuration')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Register
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
