import { Anchor, Button, Card, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../ui/PageHeader';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { useCreatePortalTicket, type CreatePortalTicketInput } from './api';
import { PRIORITY_OPTIONS } from './labels';
import { IconArrowLeft } from '@tabler/icons-react';

export function PortalNewTicketPage() {
  const create = useCreatePortalTicket();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { subject: '', description: '', priority: 'normal' as NonNullable<CreatePortalTicketInput['priority']> },
    validate: {
      subject: (v) => (v.trim() ? null : 'Give your request a subject'),
      description: (v) => (v.trim() ? null : 'Describe the problem'),
    },
  });
  return (
    <>
      <Anchor component={Link} to="/portal" size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Your requests
        </Group>
      </Anchor>
      <PageHeader title="New request" description="Tell us what is happening. The more detail, the faster we can help." />
      <Card maw={760}>
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            create.mutate(
              { subject: values.subject.trim(), description: values.description.trim(), priority: values.priority },
              {
                onSuccess: (ticket) => {
                  notifySuccess(`Request #${ticket.number} opened. We will reply by e-mail and here.`);
                  navigate(`/portal/tickets/${ticket.id}`, { replace: true });
                },
                onError: (error) => showServerErrors(form, error, ['subject', 'description', 'priority']),
              },
            ),
          )}
        >
          <Stack>
            <TextInput
              label="Subject"
              placeholder="Exports time out for large reports"
              withAsterisk
              data-autofocus
              {...form.getInputProps('subject')}
            />
            <Textarea
              label="Description"
              description="What did you expect, what happened instead, and since when? Include error messages and the steps to reproduce."
              withAsterisk
              autosize
              minRows={6}
              maxRows={18}
              {...form.getInputProps('description')}
            />
            <Select label="How urgent is it?" data={PRIORITY_OPTIONS} allowDeselect={false} {...form.getInputProps('priority')} />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                Looking for a quick answer?{' '}
                <Anchor component={Link} to="/portal/help" size="xs">
                  Search the help centre
                </Anchor>
                .
              </Text>
              <Group>
                <Button variant="default" component={Link} to="/portal">
                  Cancel
                </Button>
                <Button type="submit" loading={create.isPending}>
                  Submit request
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}
