import { Group, SegmentedControl } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';

const PRESETS = [30, 90, 180, 365] as const;

/**
 * The profile's period, kept in the address (`from`, `to`) so a profile can be shared as seen. A
 * preset is the N days up to today; the dates set any period (the server allows up to 366 days).
 */
export function ProfilePeriodPicker({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (period: { from: string | null; to: string | null }) => void;
}) {
  const today = dayjs().format('YYYY-MM-DD');
  const days = dayjs(to).diff(dayjs(from), 'day') + 1;
  // A period no preset matches leaves none selected: the dates say what it is.
  const preset = to === today && PRESETS.includes(days as (typeof PRESETS)[number]) ? String(days) : '';
  return (
    <Group gap="sm" align="end" wrap="wrap">
      <SegmentedControl
        aria-label="Period"
        value={preset}
        onChange={(value) =>
          onChange({
            from: dayjs(today)
              .subtract(Number(value) - 1, 'day')
              .format('YYYY-MM-DD'),
            to: null,
          })
        }
        data={PRESETS.map((d) => ({ value: String(d), label: `${d} days` }))}
      />
      <DatePickerInput
        label="From"
        valueFormat="D MMM YYYY"
        maxDate={to}
        minDate={dayjs(to).subtract(365, 'day').format('YYYY-MM-DD')}
        value={from}
        onChange={(v) => v && onChange({ from: v, to })}
        w={150}
      />
      <DatePickerInput
        label="To"
        valueFormat="D MMM YYYY"
        minDate={from}
        maxDate={today}
        value={to}
        onChange={(v) => v && onChange({ from, to: v })}
        w={150}
      />
    </Group>
  );
}
