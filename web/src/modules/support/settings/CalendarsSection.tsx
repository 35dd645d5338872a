import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { IconCalendar, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { QueryError } from '../../../ui/QueryError';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { browserTimeZone, TIME_ZONES } from '../../team/time-zones';
import { useCalendars, useSaveCalendar, type BusinessCalendar, type TimeInterval, type WeeklyHours } from '../api';

/** ISO weekdays, Monday first, as the server stores them. */
const DAYS = [
  { key: '1', label: 'Monday' },
  { key: '2', label: 'Tuesday' },
  { key: '3', label: 'Wednesday' },
  { key: '4', label: 'Thursday' },
  { key: '5', label: 'Friday' },
  { key: '6', label: 'Saturday' },
  { key: '7', label: 'Sunday' },
] as const;
type DayKey = (typeof DAYS)[number]['key'];

export function CalendarsSection() {
  const calendars = useCalendars();
  const [editing, setEditing] = useState<BusinessCalendar | 'new' | null>(null);
  return (
    <Stack component="section" aria-label="Business calendars">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          Business-hours targets count only the opening hours of a calendar, in its time zone, skipping holidays.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          New calendar
        </Button>
      </Group>
      {calendars.isPending && <Skeleton height={160} />}
      {calendars.isError && <QueryError error={calendars.error} onRetry={() => void calendars.refetch()} />}
      {calendars.data?.length === 0 && (
        <Card>
          <EmptyState
            icon={<IconCalendar size={18} />}
            title="No calendars"
            description="Policies count calendar hours (24×7) until you add one."
          />
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {calendars.data?.map((calendar) => (
          <Card key={calendar.id}>
            <Group justify="space-between" align="flex-start" mb="sm">
              <Stack gap={2}>
                <Title order={5}>{calendar.name}</Title>
                <Text size="xs" c="dimmed">
                  {calendar.timeZone}
                </Text>
              </Stack>
              <Tooltip label="Edit calendar" withArrow>
                <ActionIcon variant="subtle" aria-label={`Edit ${calendar.name}`} onClick={() => setEditing(calendar)}>
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <Stack gap={2}>
              {DAYS.map((day) => {
                const intervals = calendar.weeklyHours[day.key] ?? [];
                return (
                  <Group key={day.key} gap="xs" wrap="nowrap">
                    <Text size="sm" w={96} c={intervals.length ? undefined : 'dimmed'}>
                      {day.label}
                    </Text>
                    <Text size="sm" c={intervals.length ? undefined : 'dimmed'} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {intervals.length ? intervals.map((i) => `${i.start}–${i.end}`).join(', ') : 'Closed'}
                    </Text>
                  </Group>
                );
              })}
            </Stack>
            <Group gap={4} mt="sm">
              <Text size="xs" c="dimmed">
                Holidays:
              </Text>
              {calendar.holidays.length === 0 && (
                <Text size="xs" c="dimmed">
                  none
                </Text>
              )}
              {calendar.holidays.slice(0, 6).map((h) => (
                <Badge key={h} size="xs" variant="light" color="gray">
                  {formatDate(h)}
                </Badge>
              ))}
              {calendar.holidays.length > 6 && (
                <Text size="xs" c="dimmed">
                  +{calendar.holidays.length - 6} more
                </Text>
              )}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing && editing !== 'new' ? `Edit “${editing.name}”` : 'New business calendar'}
        size="lg"
        centered
      >
        {editing !== null && <CalendarForm calendar={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

type DayValues = Record<DayKey, { open: boolean; intervals: TimeInterval[] }>;

function CalendarForm({ calendar, onClose }: { calendar?: BusinessCalendar; onClose: () => void }) {
  const save = useSaveCalendar();
  const form = useForm({
    initialValues: {
      name: calendar?.name ?? '',
      timeZone: calendar?.timeZone ?? browserTimeZone(),
      days: Object.fromEntries(
        DAYS.map((d) => {
          const intervals = calendar ? (calendar.weeklyHours[d.key] ?? []) : Number(d.key) <= 5 ? [{ start: '09:00', end: '17:00' }] : [];
          return [d.key, { open: intervals.length > 0, intervals: intervals.length ? intervals : [{ start: '09:00', end: '17:00' }] }];
        }),
      ) as DayValues,
      holidays: calendar?.holidays ?? ([] as string[]),
    },
    validate: { name: (v) => (v.trim() ? null : 'Name the calendar') },
  });

  const submit = (values: typeof form.values) => {
    const weeklyHours: WeeklyHours = {};
    for (const d of DAYS) if (values.days[d.key].open) weeklyHours[d.key] = values.days[d.key].intervals;
    save.mutate(
      { id: calendar?.id, name: values.name.trim(), timeZone: values.timeZone, weeklyHours, holidays: [...values.holidays].sort() },
      {
        onSuccess: (saved) => {
          notifySuccess(`Calendar “${saved.name}” saved.`);
          onClose();
        },
        onError: (error) => showServerErrors(form, error, ['name', 'timeZone', 'weeklyHours', 'holidays']),
      },
    );
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" withAsterisk data-autofocus placeholder="Support hours (Berlin)" {...form.getInputProps('name')} />
          <Select label="Time zone" searchable allowDeselect={false} data={TIME_ZONES} {...form.getInputProps('timeZone')} />
        </SimpleGrid>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Weekly hours
          </Text>
          {form.errors.weeklyHours && (
            <Text size="xs" c="red">
              {form.errors.weeklyHours}
            </Text>
          )}
          {DAYS.map((d) => {
            const day = form.values.days[d.key];
            return (
              <Group key={d.key} align="flex-start" wrap="nowrap" gap="sm">
                <Switch
                  w={130}
                  mt={6}
                  label={d.label}
                  checked={day.open}
                  onChange={(e) => form.setFieldValue(`days.${d.key}.open`, e.currentTarget.checked)}
                />
                {day.open ? (
                  <Stack gap={4}>
                    {day.intervals.map((interval, index) => (
                      <Group key={index} gap={6} wrap="nowrap">
                        <TimeInput
                          aria-label={`${d.label} opens`}
                          size="xs"
                          w={110}
                          {...form.getInputProps(`days.${d.key}.intervals.${index}.start`)}
                        />
                        <Text size="sm">–</Text>
                        <TimeInput
                          aria-label={`${d.label} closes`}
                          size="xs"
                          w={110}
                          {...form.getInputProps(`days.${d.key}.intervals.${index}.end`)}
                        />
                        {day.intervals.length > 1 && (
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Remove ${d.label} interval`}
                            onClick={() => form.removeListItem(`days.${d.key}.intervals`, index)}
                          >
                            <IconTrash size={14} />
                          </ActionIcon>
                        )}
                        {index === day.intervals.length - 1 && (
                          <Tooltip label="Add a split shift" withArrow>
                            <ActionIcon
                              variant="subtle"
                              aria-label={`Add ${d.label} interval`}
                              onClick={() => form.insertListItem(`days.${d.key}.intervals`, { start: '13:00', end: '17:00' })}
                            >
                              <IconPlus size={14} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed" mt={6}>
                    Closed
                  </Text>
                )}
              </Group>
            );
          })}
        </Stack>
        <DatePickerInput
          type="multiple"
          label="Holidays"
          description="Days the desk is closed; pick as many as you need"
          placeholder="No holidays"
          valueFormat="D MMM YYYY"
          clearable
          leftSection={<IconCalendar size={16} />}
          {...form.getInputProps('holidays')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {calendar ? 'Save calendar' : 'Create calendar'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
