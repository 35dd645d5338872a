import {
  Button,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { SEGMENT_LABELS, SEGMENTS } from '../../accounts/labels';
import { useCalendars, useSaveSlaPolicy, type SlaPolicy, type SlaPolicyInput, type SlaTarget } from '../api';
import { CHANNEL_LABELS, CHANNELS, options, PRIORITIES, PRIORITY_LABELS, TIER_LABELS, TIERS, type Priority } from '../labels';

const CALENDAR_HOURS = '24x7';
const METRICS = [
  { key: 'firstReplyMinutes', label: 'First reply' },
  { key: 'nextReplyMinutes', label: 'Next reply' },
  { key: 'resolutionMinutes', label: 'Resolution' },
] as const;
type Metric = (typeof METRICS)[number]['key'];
type Unit = 'hours' | 'minutes';

const FIELDS = [
  'name',
  'position',
  'status',
  'calendarId',
  'conditions',
  ...PRIORITIES.flatMap((p) => METRICS.map((m) => `targets.${p}.${m.key}`)),
];

interface Props {
  opened: boolean;
  policy?: SlaPolicy;
  nextPosition: number;
  onClose: () => void;
}

export function SlaPolicyModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.policy ? `Edit “${props.policy.name}”` : 'New SLA policy'}
      size="xl"
      centered
    >
      <SlaPolicyForm {...props} />
    </Modal>
  );
}

type TargetValues = Record<Priority, Record<Metric, number | string>>;

const DEFAULT_TARGETS: Record<Priority, SlaTarget> = {
  low: { firstReplyMinutes: 960, nextReplyMinutes: 1440, resolutionMinutes: 4800 },
  normal: { firstReplyMinutes: 480, nextReplyMinutes: 960, resolutionMinutes: 2400 },
  high: { firstReplyMinutes: 120, nextReplyMinutes: 240, resolutionMinutes: 960 },
  urgent: { firstReplyMinutes: 60, nextReplyMinutes: 120, resolutionMinutes: 480 },
};

/** Hours when every target is whole hours, otherwise minutes: what the admin most likely typed. */
function naturalUnit(targets: Record<Priority, SlaTarget>): Unit {
  return PRIORITIES.every((p) => METRICS.every((m) => (targets[p][m.key] ?? 0) % 60 === 0)) ? 'hours' : 'minutes';
}

function toUnit(targets: Record<Priority, SlaTarget>, unit: Unit): TargetValues {
  const factor = unit === 'hours' ? 60 : 1;
  return Object.fromEntries(
    PRIORITIES.map((p) => [
      p,
      Object.fromEntries(METRICS.map((m) => [m.key, targets[p][m.key] === null ? '' : targets[p][m.key]! / factor])),
    ]),
  ) as TargetValues;
}

function toMinutes(values: TargetValues, unit: Unit): Record<Priority, SlaTarget> {
  const factor = unit === 'hours' ? 60 : 1;
  return Object.fromEntries(
    PRIORITIES.map((p) => [
      p,
      Object.fromEntries(METRICS.map((m) => [m.key, values[p][m.key] === '' ? null : Math.round(Number(values[p][m.key]) * factor)])),
    ]),
  ) as unknown as Record<Priority, SlaTarget>;
}

function SlaPolicyForm({ policy, nextPosition, onClose }: Props) {
  const save = useSaveSlaPolicy();
  const calendars = useCalendars();
  const startTargets = policy?.targets ?? DEFAULT_TARGETS;
  const startUnit = naturalUnit(startTargets);
  const form = useForm({
    initialValues: {
      name: policy?.name ?? '',
      position: policy?.position ?? nextPosition,
      status: policy?.status ?? 'active',
      calendarId: policy ? (policy.calendarId ?? CALENDAR_HOURS) : CALENDAR_HOURS,
      conditions: {
        segments: policy?.conditions.segments ?? [],
        priorities: policy?.conditions.priorities ?? [],
        channels: policy?.conditions.channels ?? [],
        tiers: policy?.conditions.tiers ?? [],
        tags: policy?.conditions.tags ?? [],
      },
      unit: startUnit,
      targets: toUnit(startTargets, startUnit),
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the policy'),
      position: (v) => (typeof v === 'number' && v >= 0 ? null : 'Give the position in the match order'),
    },
  });

  const switchUnit = (unit: Unit) => {
    const minutes = toMinutes(form.values.targets, form.values.unit);
    form.setValues({ unit, targets: toUnit(minutes, unit) });
  };

  const submit = (values: typeof form.values) => {
    const conditions: SlaPolicyInput['conditions'] = {};
    if (values.conditions.segments.length) conditions.segments = values.conditions.segments;
    if (values.conditions.priorities.length) conditions.priorities = values.conditions.priorities;
    if (values.conditions.channels.length) conditions.channels = values.conditions.channels;
    if (values.conditions.tiers.length) conditions.tiers = values.conditions.tiers;
    if (values.conditions.tags.length) conditions.tags = values.conditions.tags;
    const body: SlaPolicyInput & { id?: string } = {
      id: policy?.id,
      name: values.name.trim(),
      position: values.position,
      status: values.status,
      calendarId: values.calendarId === CALENDAR_HOURS ? null : values.calendarId,
      conditions,
      targets: toMinutes(values.targets, values.unit),
    };
    save.mutate(body, {
      onSuccess: (saved) => {
        notifySuccess(`SLA policy “${saved.name}” saved.`);
        onClose();
      },
      onError: (error) => showServerErrors(form, error, FIELDS),
    });
  };

  const calendarOptions = [
    { value: CALENDAR_HOURS, label: 'Calendar hours (24×7)' },
    ...(calendars.data ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.timeZone}` })),
  ];

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <NumberInput
            label="Position"
            description="Lower positions are tried first"
            min={0}
            max={10000}
            allowDecimal={false}
            withAsterisk
            {...form.getInputProps('position')}
          />
          <Select
            label="Status"
            allowDeselect={false}
            data={[
              { value: 'active', label: 'Active' },
              { value: 'archived', label: 'Archived' },
            ]}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <Divider label="Applies to tickets that match all of" labelPosition="left" />
        <Text size="xs" c="dimmed" mt={-8}>
          Leave a field empty to match any value; leave them all empty to match every ticket.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label="Account segments"
            placeholder="Any segment"
            data={options(SEGMENTS, SEGMENT_LABELS)}
            clearable
            {...form.getInputProps('conditions.segments')}
          />
          <MultiSelect
            label="Priorities"
            placeholder="Any priority"
            data={options(PRIORITIES, PRIORITY_LABELS)}
            clearable
            {...form.getInputProps('conditions.priorities')}
          />
          <MultiSelect
            label="Channels"
            placeholder="Any channel"
            data={options(CHANNELS, CHANNEL_LABELS)}
            clearable
            {...form.getInputProps('conditions.channels')}
          />
          <MultiSelect
            label="Tiers"
            placeholder="Any tier"
            data={options(TIERS, TIER_LABELS)}
            clearable
            {...form.getInputProps('conditions.tiers')}
          />
        </SimpleGrid>
        <TagsInput
          label="Tags"
          description="The ticket carries at least one of these"
          placeholder="Any tags"
          {...form.getInputProps('conditions.tags')}
        />
        <Divider label="Targets" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Clock"
            description="Business hours of a calendar, or round the clock"
            allowDeselect={false}
            data={calendarOptions}
            {...form.getInputProps('calendarId')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Targets in
            </Text>
            <SegmentedControl
              value={form.values.unit}
              onChange={(v) => switchUnit(v as Unit)}
              data={[
                { value: 'hours', label: 'Hours' },
                { value: 'minutes', label: 'Minutes' },
              ]}
            />
          </Stack>
        </SimpleGrid>
        <Table withTableBorder withColumnBorders verticalSpacing={6} highlightOnHover={false} aria-label="Targets per priority">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Priority</Table.Th>
              {METRICS.map((m) => (
                <Table.Th key={m.key}>{m.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PRIORITIES.map((p) => (
              <Table.Tr key={p}>
                <Table.Td fw={500}>{PRIORITY_LABELS[p]}</Table.Td>
                {METRICS.map((m) => (
                  <Table.Td key={m.key}>
                    <NumberInput
                      aria-label={`${PRIORITY_LABELS[p]} ${m.label.toLowerCase()} (${form.values.unit})`}
                      placeholder="No target"
                      min={form.values.unit === 'hours' ? 0.25 : 1}
                      step={form.values.unit === 'hours' ? 1 : 15}
                      decimalScale={2}
                      rightSection={
                        <Text size="xs" c="dimmed">
                          {form.values.unit === 'hours' ? 'h' : 'min'}
                        </Text>
                      }
                      size="xs"
                      {...form.getInputProps(`targets.${p}.${m.key}`)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          Resolution pauses while a ticket is pending or on hold. An empty cell means no target for that priority.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {policy ? 'Save policy' : 'Create policy'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
