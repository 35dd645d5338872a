import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { GRADE_LABELS, HEALTH_GRADES, options, type HealthGrade } from '../labels';
import { useOverrideGrade, type AccountHealth } from './api';

const FIELDS = ['grade', 'reason', 'expiresAt'] as const;
/** The server refuses longer overrides: a judgement for now, not a new truth. */
const MAX_DAYS = 180;

interface Values {
  grade: HealthGrade | null;
  reason: string;
  expiresAt: string | null;
}

interface Props {
  accountId: string;
  health: AccountHealth;
  opened: boolean;
  onClose: () => void;
}

/**
 * Sets the grade by hand, for what the measures cannot see (a champion left, a merger). It lasts
 * until the end of the chosen day; then the computed grade shows again.
 */
export function OverrideGradeModal({ accountId, health, opened, onClose }: Props) {
  const override = useOverrideGrade(accountId);
  const tomorrow = dayjs().add(1, 'day').format('YYYY-MM-DD');
  const latest = dayjs()
    .add(MAX_DAYS - 1, 'day')
    .format('YYYY-MM-DD');
  const form = useForm<Values>({
    initialValues: { grade: null, reason: '', expiresAt: dayjs().add(30, 'day').format('YYYY-MM-DD') },
    validate: {
      grade: (v) => (v ? null : 'Choose the grade to show'),
      reason: (v) => (v.trim().length >= 3 ? null : 'Say why the grade is overridden'),
      expiresAt: (v) =>
        !v
          ? 'Choose when the override ends'
          : v < tomorrow
            ? 'The override must last until tomorrow at least'
            : v > latest
              ? `An override lasts ${MAX_DAYS} days at most`
              : null,
    },
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const submit = (values: Values) =>
    override.mutate(
      {
        grade: values.grade!,
        reason: values.reason.trim(),
        // "Until 15 March" means through that day, in the user's own time zone.
        expiresAt: dayjs(values.expiresAt).endOf('day').toISOString(),
      },
      {
        onSuccess: () => {
          notifySuccess(`Grade overridden to ${GRADE_LABELS[values.grade!]} until ${dayjs(values.expiresAt).format('D MMM YYYY')}.`);
          close();
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    );

  return (
    <Modal opened={opened} onClose={close} title="Override health grade" centered>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          {health.computedGrade && (
            <Text size="sm" c="dimmed">
              The measures say {GRADE_LABELS[health.computedGrade]}
              {health.computedScore !== null ? ` (${Math.round(health.computedScore)})` : ''}. The override shows instead until it expires
              or is removed; the score and drivers stay as computed.
            </Text>
          )}
          <Select label="Grade" withAsterisk data={options(HEALTH_GRADES, GRADE_LABELS)} {...form.getInputProps('grade')} />
          <Textarea
            label="Reason"
            withAsterisk
            autosize
            minRows={2}
            placeholder="What the measures do not show: the champion left, a competitor is in the account…"
            {...form.getInputProps('reason')}
          />
          <DateInput
            label="Expires on"
            description={`The computed grade shows again after this day (${MAX_DAYS} days at most).`}
            valueFormat="YYYY-MM-DD"
            minDate={tomorrow}
            maxDate={latest}
            withAsterisk
            {...form.getInputProps('expiresAt')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={override.isPending}>
              Override grade
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
