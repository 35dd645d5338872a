import {
  Anchor,
  Avatar,
  Box,
  Button,
  Card,
  ColorInput,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import type { PortalBranding } from '../api';
import { brandShades } from '../portal-theme';
import { usePortalBrandingSettings, useSavePortalBranding } from './api';

const SWATCHES = [
  '#228be6',
  '#4c6ef5',
  '#7950f2',
  '#be4bdb',
  '#e64980',
  '#fa5252',
  '#fd7e14',
  '#fab005',
  '#40c057',
  '#12b886',
  '#15aabf',
  '#343a40',
];

/** How the customer portal introduces itself: name, logo and colour, with a live preview. */
export function PortalBrandingPage() {
  const branding = usePortalBrandingSettings();
  return (
    <>
      <PageHeader
        title="Customer portal"
        description={
          <>
            Brand the portal your customers sign in to at{' '}
            <Anchor href="/portal" target="_blank" size="sm">
              /portal
            </Anchor>
            .
          </>
        }
      />
      {branding.isPending && <Skeleton height={320} />}
      {branding.isError && <QueryError error={branding.error} onRetry={() => void branding.refetch()} />}
      {branding.isSuccess && <BrandingForm initial={branding.data} />}
    </>
  );
}

function BrandingForm({ initial }: { initial: PortalBranding }) {
  const save = useSavePortalBranding();
  const form = useForm({
    initialValues: { name: initial.name, logoUrl: initial.logoUrl ?? '', colour: initial.colour },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the portal'),
      logoUrl: (v) => (!v.trim() || /^https:\/\/\S+$/.test(v.trim()) || v.trim().startsWith('/') ? null : 'Use an https URL'),
      colour: (v) => (/^#[0-9a-fA-F]{6}$/.test(v) ? null : 'Use a colour such as #228be6'),
    },
  });
  const preview: PortalBranding = {
    name: form.values.name.trim() || 'Support portal',
    logoUrl: form.values.logoUrl.trim() || null,
    colour: form.values.colour,
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Card>
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            save.mutate(
              { name: values.name.trim(), logoUrl: values.logoUrl.trim() || null, colour: values.colour.toLowerCase() },
              {
                onSuccess: (saved) => {
                  form.setValues({ name: saved.name, logoUrl: saved.logoUrl ?? '', colour: saved.colour });
                  form.resetDirty();
                  notifySuccess('Portal branding saved. Customers see it on their next visit.');
                },
                onError: (error) => showServerErrors(form, error, ['name', 'logoUrl', 'colour']),
              },
            ),
          )}
        >
          <Stack>
            <Title order={4}>Branding</Title>
            <TextInput
              label="Portal name"
              description="Shown in the header and on the sign-in page."
              withAsterisk
              {...form.getInputProps('name')}
            />
            <TextInput
              label="Logo URL"
              placeholder="https://cdn.example.com/logo.svg"
              description="Optional. An https image, ideally at least 64 px high."
              {...form.getInputProps('logoUrl')}
            />
            <ColorInput
              label="Brand colour"
              format="hex"
              swatches={SWATCHES}
              swatchesPerRow={12}
              withEyeDropper={false}
              withAsterisk
              {...form.getInputProps('colour')}
            />
            <Group justify="flex-end">
              <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
                Discard changes
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                Save branding
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Stack gap="xs">
        <Text size="sm" fw={600} c="dimmed" tt="uppercase">
          Preview
        </Text>
        <PortalPreview branding={preview} />
      </Stack>
    </SimpleGrid>
  );
}

/** A miniature of the portal's header and sign-in card, drawn with the unsaved values. */
function PortalPreview({ branding }: { branding: PortalBranding }) {
  const shades = brandShades(branding.colour);
  return (
    <Paper withBorder shadow="sm" style={{ overflow: 'hidden' }} aria-label="Portal preview" role="img">
      <Group
        h={52}
        px="md"
        justify="space-between"
        style={{ borderTop: `3px solid ${shades[6]}`, borderBottom: '1px solid var(--mantine-color-gray-3)', background: 'white' }}
      >
        <Group gap="sm">
          {branding.logoUrl ? (
            <Image src={branding.logoUrl} alt="" h={28} w="auto" maw={112} fit="contain" />
          ) : (
            <Avatar size={28} radius="md" variant="filled" color={shades[6]}>
              {branding.name.charAt(0).toUpperCase()}
            </Avatar>
          )}
          <Text fw={700}>{branding.name}</Text>
        </Group>
        <Group gap={6}>
          <Box px="sm" py={4} style={{ borderRadius: 6, background: shades[0], color: shades[8], fontSize: 13, fontWeight: 600 }}>
            Requests
          </Box>
          <Box px="sm" py={4} style={{ fontSize: 13, color: 'var(--mantine-color-gray-7)' }}>
            Help centre
          </Box>
        </Group>
      </Group>
      <Box p="lg" bg="gray.0">
        <Paper withBorder p="md" maw={320} mx="auto">
          <Stack gap="xs">
            <Text fw={600} size="sm" ta="center">
              Sign in to {branding.name}
            </Text>
            <TextInput size="xs" placeholder="you@company.com" readOnly aria-label="Preview e-mail" />
            <Button size="xs" color={shades[6]} fullWidth>
              E-mail me a sign-in link
            </Button>
          </Stack>
        </Paper>
        <Paper withBorder p="sm" mt="md" maw={320} mx="auto" style={{ background: shades[0], borderLeft: `4px solid ${shades[6]}` }}>
          <Text size="xs" fw={600} c={shades[8]}>
            Support team
          </Text>
          <Text size="xs">Thanks for the details — a fix is on its way.</Text>
        </Paper>
      </Box>
    </Paper>
  );
}
