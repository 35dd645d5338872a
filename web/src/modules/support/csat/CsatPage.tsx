import { useState } from 'react';
import { Button, Center, Group, Loader, Paper, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../ui/format';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useBranding } from '../../portal/api';
import { DEFAULT_PORTAL_COLOUR, PortalTheme } from '../../portal/portal-theme';
import { BrandMark } from '../../portal/PortalRoot';
import { showServerErrors } from '../../../ui/server-errors';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useRate, useSurvey, type PublicSurvey } from './api';

/** The page behind the link e-mailed when a ticket is solved: one click to say how it went. */
export function CsatPage() {
  const { token = '' } = useParams();
  const survey = useSurvey(token);
  // The customer knows us by the portal's branding, so the survey wears it too.
  const branding = useBranding().data ?? { name: 'Customer support', logoUrl: null, colour: DEFAULT_PORTAL_COLOUR };
  return (
    <PortalTheme colour={branding.colour}>
      <Center mih="100vh" bg="gray.0" p="md">
        <Stack w={480} gap="lg">
          <Group justify="center">
            <BrandMark branding={branding} />
          </Group>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            {survey.isPending && (
              <Center py="lg">
                <Loader />
              </Center>
            )}
            {survey.isError && <Unavailable error={survey.error} />}
            {survey.isSuccess && <Survey token={token} survey={survey.data} />}
          </Paper>
        </Stack>
      </Center>
    </PortalTheme>
  );
}

function Unavailable({ error }: { error: unknown }) {
  const gone = error instanceof ApiError && error.status === 404;
  return (
    <Stack align="center" ta="center" gap="sm">
      <ThemeIcon size={48} radius="xl" variant="light" color="orange">
        <IconAlertTriangle size={26} />
      </ThemeIcon>
      <Title order={3}>{gone ? 'This rating link has expired' : 'This page could not be loaded'}</Title>
      <Text size="sm" c="dimmed">
        {gone
          ? 'The link is no longer valid: rating links expire a while after the request is solved. Thank you for wanting to tell us how we did — you can always reply to our e-mail instead.'
          : error instanceof Error
            ? error.message
            : 'Try again in a moment.'}
      </Text>
    </Stack>
  );
}

function Survey({ token, survey }: { token: string; survey: PublicSurvey }) {
  const rate = useRate(token);
  const [rating, setRating] = useState<PublicSurvey['rating']>(survey.rating);
  const [comment, setComment] = useState(survey.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(!survey.rated);

  if (!editing && survey.rated) {
    return (
      <Stack align="center" ta="center" gap="sm" role="status">
        <ThemeIcon size={52} radius="xl" variant="light" color="teal">
          <IconCheck size={28} />
        </ThemeIcon>
        <Title order={3}>Thank you for your feedback</Title>
        <Text size="sm" c="dimmed">
          You rated request #{survey.ticket.number} <b>{survey.rating === 'good' ? 'good' : 'bad'}</b>. It helps our team get better.
        </Text>
        {survey.comment && (
          <Text size="sm" fs="italic">
            “{survey.comment}”
          </Text>
        )}
        <Button variant="subtle" size="xs" onClick={() => setEditing(true)}>
          Change my rating (until {formatDate(survey.expiresAt)})
        </Button>
      </Stack>
    );
  }

  const submit = () => {
    if (!rating) return;
    rate.mutate(
      { rating, comment: comment.trim() || undefined },
      {
        onSuccess: () => setEditing(false),
        onError: (e) =>
          showServerErrors({ setErrors: (errors) => setError(errors.comment ?? errors.rating ?? null) }, e, ['comment', 'rating']),
      },
    );
  };

  return (
    <Stack gap="md">
      <Stack gap={4} ta="center">
        <Text size="sm" c="dimmed">
          Request #{survey.ticket.number}
        </Text>
        <Title order={3}>{survey.ticket.subject}</Title>
      </Stack>
      <Text ta="center" fw={500}>
        How would you rate the support you received?
      </Text>
      <Group grow>
        <Button
          size="lg"
          variant={rating === 'good' ? 'filled' : 'default'}
          color="teal"
          leftSection={<IconThumbUp size={20} />}
          aria-pressed={rating === 'good'}
          onClick={() => setRating('good')}
        >
          Good
        </Button>
        <Button
          size="lg"
          variant={rating === 'bad' ? 'filled' : 'default'}
          color="red"
          leftSection={<IconThumbDown size={20} />}
          aria-pressed={rating === 'bad'}
          onClick={() => setRating('bad')}
        >
          Bad
        </Button>
      </Group>
      <Textarea
        label="Anything you would like to add? (optional)"
        placeholder={rating === 'bad' ? 'What should we have done differently?' : 'What went well?'}
        autosize
        minRows={3}
        maxRows={8}
        value={comment}
        error={error}
        onChange={(e) => {
          setComment(e.currentTarget.value);
          setError(null);
        }}
      />
      <Button onClick={submit} disabled={!rating} loading={rate.isPending} fullWidth>
        Send rating
      </Button>
    </Stack>
  );
}
