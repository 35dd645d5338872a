import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useSearchParamsUpdate } from '../../../ui/use-url-filters';
import {
  HEALTH_METRICS,
  HEALTH_SCOPES,
  METRIC_DEFAULTS,
  METRIC_LABELS,
  METRIC_UNITS,
  SCOPE_LABELS,
  type HealthMetric,
  type HealthScope,
} from '../labels';
import { useDeleteHealthModel, useHealthModels, useSaveHealthModel, type HealthModel } from './api';

/** A measure as the form holds it: a cleared number input holds ''. */
interface MeasureValues {
  metric: HealthMetric;
  weight: number | string;
  good: number | string;
  bad: number | string;
}
interface Values {
  measures: MeasureValues[];
  greenMin: number | string;
  yellowMin: number | string;
}

const isScope = (value: string | null): value is HealthScope => HEALTH_SCOPES.includes(value as HealthScope);
const needNumber = (message: string) => (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? null : message);

/** The health models: the default one and one per segment that wants its own weights and thresholds. */
export function HealthModelsPage() {
  const models = useHealthModels();
  const [params] = useSearchParams();
  const update = useSearchParamsUpdate();
  const requested = params.get('scope');
  const scope: HealthScope = isScope(requested) ? requested : 'default';
  const byScope = new Map((models.data ?? []).map((m) => [m.scope, m]));

  return (
    <>
      <PageHeader
        title="Health models"
        description="Which measures make up an account’s health score, how much each weighs and where green, yellow and red begin. A segment without its own model uses the default."
      />
      {models.isPending && <Skeleton height={420} />}
      {models.isError && <QueryError error={models.error} onRetry={() => void models.refetch()} />}
      {models.isSuccess && (
        <Tabs value={scope} onChange={(value) => update({ scope: value === 'default' ? null : value })} keepMounted={false}>
          <Tabs.List mb="md">
            {HEALTH_SCOPES.map((s) => (
              <Tabs.Tab
                key={s}
                value={s}
                rightSection={
                  s !== 'default' && byScope.has(s) ? (
                    <Badge size="xs" variant="light">
                      own
                    </Badge>
                  ) : undefined
                }
              >
                {SCOPE_LABELS[s]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {HEALTH_SCOPES.map((s) => (
            <Tabs.Panel key={s} value={s}>
              <ScopePanel scope={s} model={byScope.get(s)} fallback={byScope.get('default')} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </>
  );
}

function ScopePanel({ scope, model, fallback }: { scope: HealthScope; model?: HealthModel; fallback?: HealthModel }) {
  if (model) return <ModelForm key={model.updatedAt} scope={scope} model={model} />;
  if (scope === 'default') return <ModelForm key="new" scope={scope} />;
  return <SegmentUsesDefault key={fallback?.updatedAt ?? 'none'} scope={scope} fallback={fallback} />;
}

function SegmentUsesDefault({ scope, fallback }: { scope: HealthScope; fallback?: HealthModel }) {
  const label = SCOPE_LABELS[scope];
  return (
    <Stack gap="md">
      <Alert variant="light" color="indigo" title={`${label} accounts use the default model`}>
        <Text size="sm">Customise it to weigh measures differently for this segment; the default model stays as it is.</Text>
      </Alert>
      <ModelForm scope={scope} model={fallback} startsFromDefault />
    </Stack>
  );
}

const valuesOf = (model: HealthModel | undefined): Values =>
  model
    ? { measures: model.measures.map((m) => ({ ...m })), greenMin: model.greenMin, yellowMin: model.yellowMin }
    : {
        measures: (['sla_breaches_30d', 'open_tickets', 'days_since_interaction'] as const).map((metric) => ({
          metric,
          ...METRIC_DEFAULTS[metric],
        })),
        greenMin: 70,
        yellowMin: 40,
      };

function ModelForm({ scope, model, startsFromDefault = false }: { scope: HealthScope; model?: HealthModel; startsFromDefault?: boolean }) {
  const save = useSaveHealthModel();
  const remove = useDeleteHealthModel();
  const form = useForm<Values>({
    initialValues: valuesOf(model),
    validate: {
      measures: {
        weight: needNumber('Enter a weight from 0 to 100'),
        good: needNumber('Enter the value that scores 100'),
        bad: needNumber('Enter the value that scores 0'),
      },
      greenMin: needNumber('Enter where green begins'),
      yellowMin: needNumber('Enter where yellow begins'),
    },
  });
  const { measures, greenMin, yellowMin } = form.values;
  const totalWeight = measures.reduce((sum, m) => sum + (typeof m.weight === 'number' ? m.weight : 0), 0);
  const unused = HEALTH_METRICS.filter((metric) => !measures.some((m) => m.metric === metric));
  const label = SCOPE_LABELS[scope];
  const custom = scope !== 'default' && !startsFromDefault;
  const fields = [
    'measures',
    'greenMin',
    'yellowMin',
    ...measures.flatMap((_, i) => ['metric', 'weight', 'good', 'bad'].map((f) => `measures.${i}.${f}`)),
  ];

  const submit = (values: Values) =>
    save.mutate(
      {
        scope,
        measures: values.measures.map((m) => ({ metric: m.metric, weight: Number(m.weight), good: Number(m.good), bad: Number(m.bad) })),
        greenMin: Number(values.greenMin),
        yellowMin: Number(values.yellowMin),
      },
      {
        onSuccess: () =>
          notifySuccess(
            scope === 'default'
              ? 'Default health model saved; accounts are rescored.'
              : `${label} health model saved; its accounts are rescored.`,
          ),
        onError: (error) => showServerErrors(form, error, fields),
      },
    );

  const restoreDefault = () =>
    remove.mutate(scope, {
      onSuccess: () => notifySuccess(`${label} accounts now use the default health model.`),
      onError: (error) => notifyError(error),
    });

  return (
    <form noValidate onSubmit={form.onSubmit(submit)} aria-label={`${label} health model`}>
      <Stack gap="lg" maw={920}>
        <Card p={0}>
          <Group justify="space-between" p="md" pb="xs" gap="xs">
            <div>
              <Title order={4}>Measures</Title>
              <Text size="xs" c="dimmed">
                A measure scores 100 at its good value or better and 0 at its bad value or worse, in a straight line between. The score is
                the weighted mean of the measures an account has data for.
              </Text>
            </div>
          </Group>
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover={false} aria-label="Measures">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={240}>Metric</Table.Th>
                  <Table.Th w={110}>Weight</Table.Th>
                  <Table.Th w={70} style={{ textAlign: 'right' }}>
                    Share
                  </Table.Th>
                  <Table.Th w={130}>Good (100)</Table.Th>
                  <Table.Th w={130}>Bad (0)</Table.Th>
                  <Table.Th w={50}>
                    <VisuallyHidden>Remove</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {measures.map((measure, i) => {
                  const name = METRIC_LABELS[measure.metric];
                  const weight = typeof measure.weight === 'number' ? measure.weight : 0;
                  return (
                    <Table.Tr key={measure.metric}>
                      <Table.Td>
                        <Select
                          aria-label={`Metric ${i + 1}`}
                          allowDeselect={false}
                          data={HEALTH_METRICS.map((m) => ({
                            value: m,
                            label: METRIC_LABELS[m],
                            disabled: m !== measure.metric && measures.some((x) => x.metric === m),
                          }))}
                          {...form.getInputProps(`measures.${i}.metric`)}
                        />
                        <Text size="xs" c="dimmed" mt={2}>
                          {METRIC_UNITS[measure.metric]}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={`Weight of ${name}`}
                          min={0}
                          max={100}
                          allowDecimal={false}
                          {...form.getInputProps(`measures.${i}.weight`)}
                        />
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                        <Text size="sm" c="dimmed">
                          {totalWeight > 0 ? `${Math.round((weight / totalWeight) * 100)} %` : '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <NumberInput aria-label={`Good value of ${name}`} decimalScale={2} {...form.getInputProps(`measures.${i}.good`)} />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput aria-label={`Bad value of ${name}`} decimalScale={2} {...form.getInputProps(`measures.${i}.bad`)} />
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${name}`}
                          disabled={measures.length <= 1}
                          onClick={() => form.removeListItem('measures', i)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" p="md" pt="xs" gap="xs">
            {form.errors.measures ? (
              <Text size="sm" c="red" role="alert">
                {form.errors.measures}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {measures.length} of {HEALTH_METRICS.length} measures · weights total {totalWeight}
              </Text>
            )}
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} disabled={unused.length === 0}>
                  Add measure
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {unused.map((metric) => (
                  <Menu.Item key={metric} onClick={() => form.insertListItem('measures', { metric, ...METRIC_DEFAULTS[metric] })}>
                    {METRIC_LABELS[metric]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Card>

        <Card>
          <Title order={4} mb="xs">
            Grades
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} maw={480}>
            <NumberInput
              label="Green from"
              description="Scores at or above are green"
              min={1}
              max={100}
              allowDecimal={false}
              {...form.getInputProps('greenMin')}
            />
            <NumberInput
              label="Yellow from"
              description="Below it, red"
              min={0}
              max={99}
              allowDecimal={false}
              {...form.getInputProps('yellowMin')}
            />
          </SimpleGrid>
          <Text size="sm" mt="sm">
            Green at {String(greenMin)} and above, yellow from {String(yellowMin)} to below {String(greenMin)}, red below{' '}
            {String(yellowMin)}.
          </Text>
        </Card>

        <Group justify="space-between">
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!startsFromDefault && !form.isDirty()}>
              {startsFromDefault ? `Save as ${label} model` : 'Save model'}
            </Button>
            <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
              Discard changes
            </Button>
          </Group>
          {custom && (
            <Button variant="subtle" color="red" loading={remove.isPending} onClick={restoreDefault}>
              Use default
            </Button>
          )}
        </Group>
        {model && !startsFromDefault && (
          <Text size="xs" c="dimmed">
            Last saved {formatDateTime(model.updatedAt)}
          </Text>
        )}
      </Stack>
    </form>
  );
}
