import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { showServerErrors } from '../../../ui/server-errors';
import { useGenerateReview } from './api';

/** Generates a draft review for a period (the last quarter by default) and opens it. */
export function GenerateReviewModal({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  const generate = useGenerateReview(accountId);
  const navigate = useNavigate();
  const form = useForm({
    initialValues: {
      periodStart: dayjs().subtract(3, 'month').format('YYYY-MM-DD'),
      periodEnd: dayjs().format('YYYY-MM-DD'),
      title: '',
    },
    validate: {
      periodStart: (v) => (v ? null : 'Pick the first day'),
      periodEnd: (v, values) => (!v ? 'Pick the last day' : v < values.periodStart ? 'The period must end on or after its start' : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const review = await generate.mutateAsync({
        periodStart: values.periodStart,
        periodEnd: values.periodEnd,
        ...(values.title.trim() ? { title: values.title.trim() } : {}),
      });
      onClose();
      form.reset();
      navigate(`/business-reviews/${review.id}`);
    } catch (error) {
      showServerErrors(form, error, ['periodStart', 'periodEnd', 'title']);
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Generate a business review">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput type="date" label="From" withAsterisk {...form.getInputProps('periodStart')} />
            <TextInput type="date" label="To" withAsterisk {...form.getInputProps('periodEnd')} />
          </Group>
          <TextInput label="Title" placeholder="Business review (dates)" {...form.getInputProps('title')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={generate.isPending}>
              Generate
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
