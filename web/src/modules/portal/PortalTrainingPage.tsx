import { Alert, Anchor, Badge, Button, Card, Group, Rating, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconCalendarEvent, IconFileText, IconPencil, IconSchool, IconUser, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../lib/api-client';
import { EmptyState } from '../../ui/EmptyState';
import { formatDateTime, formatDuration } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { notifySuccess } from '../../ui/server-errors';
import { SkeletonRows } from '../../ui/SkeletonRows';
import { usePortalSession } from './api';
import { useGivePortalFeedback, usePortalTraining, type PortalTrainingAudience, type PortalTrainingSession } from './training-api';

const AUDIENCE_LABELS: Record<PortalTrainingAudience, string> = { end_users: 'For end users', it_admins: 'For IT administrators' };

const STATUS: Record<PortalTrainingSession['status'], { label: string; color: string }> = {
  scheduled: { label: 'Upcoming', color: 'blue' },
  delivered: { label: 'Delivered', color: 'green' },
};

const starLabel = (value: number) => `${value} of 5`;

/** The training sessions the contact attends, and their own rating of the delivered ones. */
export function PortalTrainingPage() {
  const session = usePortalSession().data;
  const training = usePortalTraining();
  const items = training.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Training"
        description={session ? `Sessions you attend with ${session.account.name}. Tell us how a delivered one went.` : undefined}
      />
      {training.isError && <QueryError error={training.error} onRetry={() => void training.refetch()} />}
      {training.isPending && (
        <Card p={0}>
          <Table>
            <Table.Tbody>
              <SkeletonRows columns={3} rows={4} />
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {training.isSuccess && items.length === 0 && (
        <Card>
          <EmptyState
            icon={<IconSchool size={18} />}
            title="No training yet"
            description="When you are invited to a training session, it shows here with its materials."
          />
        </Card>
      )}
      <Stack gap="lg">
        {items.map((item) => (
          <TrainingCard key={item.id} session={item} />
        ))}
      </Stack>
    </>
  );
}

function TrainingCard({ session }: { session: PortalTrainingSession }) {
  const status = STATUS[session.status];
  return (
    <Card withBorder component="section" aria-label={session.topic}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={3} size="h4">
              {session.topic}
            </Title>
            <Group gap="md" wrap="wrap">
              <Group gap={4} wrap="nowrap">
                <IconCalendarEvent size={14} color="var(--mantine-color-dimmed)" />
                <Text size="sm" c="dimmed">
                  {formatDateTime(session.scheduledAt)} · {formatDuration(session.durationMinutes)}
                </Text>
              </Group>
              <Group gap={4} wrap="nowrap">
                <IconUser size={14} color="var(--mantine-color-dimmed)" />
                <Text size="sm" c="dimmed">
                  {session.trainer ? `Trainer: ${session.trainer.name}` : 'Trainer to be confirmed'}
                </Text>
              </Group>
              <Group gap={4} wrap="nowrap">
                <IconUsers size={14} color="var(--mantine-color-dimmed)" />
                <Text size="sm" c="dimmed">
                  {AUDIENCE_LABELS[session.audience]}
                </Text>
              </Group>
            </Group>
          </Stack>
          <Badge variant="light" color={status.color} tt="none">
            {status.label}
          </Badge>
        </Group>
        {session.materials.length > 0 && (
          <Stack gap={2}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              Materials
            </Text>
            <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Materials">
              {session.materials.map((m) => (
                <li key={m.url + m.title}>
                  <Group gap={4} wrap="nowrap">
                    <IconFileText size={14} />
                    <Anchor href={m.url} target="_blank" rel="noreferrer" size="sm">
                      {m.title}
                    </Anchor>
                  </Group>
                </li>
              ))}
            </Group>
          </Stack>
        )}
        {session.status === 'delivered' ? (
          <Feedback session={session} />
        ) : (
          <Text size="sm" c="dimmed">
            You can rate this session once it has taken place.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function Feedback({ session }: { session: PortalTrainingSession }) {
  const [editing, setEditing] = useState(false);
  const mine = session.yourFeedback;
  if (mine && !editing) {
    return (
      <Card component="section" bg="var(--mantine-color-gray-0)" padding="sm" aria-label="Your feedback">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Your feedback
            </Text>
            <Group gap="xs">
              <Rating value={mine.rating} readOnly aria-label={`You rated it ${starLabel(mine.rating)}`} />
              <Text size="sm">{starLabel(mine.rating)}</Text>
            </Group>
            {mine.comment && <Text size="sm">“{mine.comment}”</Text>}
          </Stack>
          <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
            Change your feedback
          </Button>
        </Group>
      </Card>
    );
  }
  return <FeedbackForm session={session} onDone={() => setEditing(false)} onCancel={mine ? () => setEditing(false) : undefined} />;
}

function FeedbackForm({
  session,
  onDone,
  onCancel,
}: {
  session: PortalTrainingSession;
  onDone: () => void;
  onCancel?: (() => void) | undefined;
}) {
  const give = useGivePortalFeedback();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { rating: session.yourFeedback?.rating ?? 0, comment: session.yourFeedback?.comment ?? '' },
    validate: { rating: (v) => (v >= 1 && v <= 5 ? null : 'Choose from 1 to 5 stars') },
  });
  const submit = (values: typeof form.values) => {
    setFormError(null);
    give.mutate(
      { id: session.id, rating: values.rating, comment: values.comment.trim() || null },
      {
        onSuccess: () => {
          notifySuccess('Thank you for your feedback.');
          onDone();
        },
        onError: (error) => {
          const fields: Record<string, string> = {};
          if (error instanceof ApiError) {
            for (const issue of error.issues) {
              const field = issue.path.split('.')[0];
              if (field === 'rating' || field === 'comment')
                fields[field] = fields[field] ? `${fields[field]}; ${issue.message}` : issue.message;
            }
          }
          if (Object.keys(fields).length > 0) form.setErrors(fields);
          else setFormError(error.message);
        },
      },
    );
  };
  const ratingId = `rating-${session.id}`;
  return (
    <form noValidate onSubmit={form.onSubmit(submit)} aria-label={`Feedback on ${session.topic}`}>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />} role="alert" title="Your feedback was not saved">
            {formError}
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id={ratingId}>
            How was it?
          </Text>
          <Rating
            aria-labelledby={ratingId}
            getSymbolLabel={starLabel}
            size="lg"
            value={form.values.rating}
            onChange={(v) => {
              form.setFieldValue('rating', v);
              form.clearFieldError('rating');
            }}
          />
          {form.errors.rating && (
            <Text size="xs" c="red" role="alert">
              {form.errors.rating}
            </Text>
          )}
        </Stack>
        <Textarea
          label="Comment"
          description="Optional: what helped, what was missing"
          autosize
          minRows={2}
          maxRows={6}
          maxLength={5000}
          {...form.getInputProps('comment')}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={give.isPending}>
            {session.yourFeedback ? 'Save feedback' : 'Send feedback'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
