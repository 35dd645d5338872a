import { Alert, Anchor, Badge, Button, Card, Group, Radio, Skeleton, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconArrowLeft, IconCircleCheck, IconPencil, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api-client';
import { formatDateTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { UAT_STATUS } from './PortalAcceptancePage';
import { PortalNotFound } from './PortalTicketPage';
import { usePortalSession } from './api';
import { usePortalUatRound, useRecordUatResult, useSignOffUatRound, type PortalUatCase, type PortalUatRound } from './uat-api';

const OUTCOME = { pass: { label: 'Pass', color: 'teal' }, fail: { label: 'Fail', color: 'red' } } as const;

/** One acceptance test: each case's steps and expected result, the contact's pass / fail, and the sign-off. */
export function PortalAcceptanceRoundPage() {
  const { id = '' } = useParams();
  const round = usePortalUatRound(id);
  if (round.isError && round.error instanceof ApiError && round.error.status === 404) return <PortalNotFound />;
  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to="/portal/acceptance" size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Acceptance testing
        </Group>
      </Anchor>
      {round.isPending && <Skeleton height={240} />}
      {round.isError && <QueryError error={round.error} onRetry={() => void round.refetch()} />}
      {round.isSuccess && <RoundView round={round.data} />}
    </Stack>
  );
}

function RoundView({ round }: { round: PortalUatRound }) {
  const status = UAT_STATUS[round.status];
  const open = round.status === 'open';
  return (
    <>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Title order={2}>{round.title}</Title>
          <Badge variant="light" color={status.color} tt="none">
            {status.label}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {open
            ? 'Follow each case’s steps and record whether you saw the expected result. If not, say what you saw instead.'
            : round.signOff
              ? 'This test is signed off; the results are kept as they were.'
              : 'This test is closed; the results are kept as they were.'}
        </Text>
      </Stack>
      <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Test cases">
        {round.cases.map((c) => (
          <li key={c.id}>
            <CaseCard roundId={round.id} testCase={c} open={open} />
          </li>
        ))}
      </Stack>
      <SignOff round={round} />
    </>
  );
}

function CaseCard({ roundId, testCase, open }: { roundId: string; testCase: PortalUatCase; open: boolean }) {
  const [editing, setEditing] = useState(false);
  const mine = testCase.yourResult;
  return (
    <Card withBorder component="section" aria-label={`${testCase.position}. ${testCase.title}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4">
            {testCase.position}. {testCase.title}
          </Title>
          {mine && (
            <Badge color={OUTCOME[mine.outcome].color} variant="light" tt="none" style={{ flexShrink: 0 }}>
              You: {OUTCOME[mine.outcome].label}
            </Badge>
          )}
        </Group>
        <Stack gap={2}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Steps
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {testCase.steps}
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Expected result
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {testCase.expected}
          </Text>
        </Stack>
        {testCase.colleagues.map((c) => (
          <Text key={c.name} size="sm" c="dimmed">
            {c.name}: {OUTCOME[c.outcome].label}
            {c.comment ? ` — “${c.comment}”` : ''}
          </Text>
        ))}
        {mine && !editing ? (
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Text size="sm">
              {mine.comment ? `Your comment: “${mine.comment}”` : 'No comment.'}{' '}
              <Text span size="xs" c="dimmed">
                ({formatDateTime(mine.recordedAt)})
              </Text>
            </Text>
            {open && (
              <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
                Test again
              </Button>
            )}
          </Group>
        ) : (
          open && (
            <ResultForm
              roundId={roundId}
              testCase={testCase}
              onDone={() => setEditing(false)}
              onCancel={mine ? () => setEditing(false) : undefined}
            />
          )
        )}
      </Stack>
    </Card>
  );
}

function ResultForm({
  roundId,
  testCase,
  onDone,
  onCancel,
}: {
  roundId: string;
  testCase: PortalUatCase;
  onDone: () => void;
  onCancel?: (() => void) | undefined;
}) {
  const record = useRecordUatResult(roundId);
  const form = useForm({
    initialValues: { outcome: (testCase.yourResult?.outcome ?? '') as '' | 'pass' | 'fail', comment: testCase.yourResult?.comment ?? '' },
    validate: {
      outcome: (v) => (v ? null : 'Choose pass or fail'),
      comment: (v, values) => (values.outcome === 'fail' && !v.trim() ? 'Say what happened instead, so the team can reproduce it' : null),
    },
  });
  const submit = (values: typeof form.values) =>
    record.mutate(
      { caseId: testCase.id, outcome: values.outcome as 'pass' | 'fail', comment: values.comment.trim() || null },
      {
        onSuccess: () => {
          notifySuccess('Result saved.');
          onDone();
        },
        onError: (e) => showServerErrors(form, e, ['outcome', 'comment']),
      },
    );
  return (
    <form noValidate onSubmit={form.onSubmit(submit)} aria-label={`Your result for ${testCase.title}`}>
      <Stack gap="sm">
        <Radio.Group label="Your result" withAsterisk {...form.getInputProps('outcome')}>
          <Group mt={4}>
            <Radio value="pass" label="Pass: I saw the expected result" />
            <Radio value="fail" label="Fail: something else happened" />
          </Group>
        </Radio.Group>
        <Textarea
          label="Comment"
          description={form.values.outcome === 'fail' ? 'What did you see instead?' : 'Optional'}
          withAsterisk={form.values.outcome === 'fail'}
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
          <Button type="submit" loading={record.isPending}>
            Save result
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SignOff({ round }: { round: PortalUatRound }) {
  const session = usePortalSession().data;
  const signOff = useSignOffUatRound(round.id);
  const form = useForm({
    initialValues: { name: session?.contact.name ?? '' },
    validate: { name: (v) => (v.trim().length >= 2 ? null : 'Type your full name to sign off') },
  });
  if (round.signOff) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Signed off">
        {round.signOff.name} accepted this on {formatDateTime(round.signOff.at)}.
      </Alert>
    );
  }
  if (round.status !== 'open') return null;
  if (!round.readiness.ready) {
    return (
      <Alert color="blue" variant="light" icon={<IconAlertCircle size={18} />} title="Sign-off">
        The test can be signed off once every case passes: {round.readiness.reason}
      </Alert>
    );
  }
  return (
    <Card withBorder component="section" aria-label="Sign off">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          signOff.mutate(values.name.trim(), {
            onSuccess: () => notifySuccess('Signed off. Thank you for testing.'),
            onError: (e) => showServerErrors(form, e, ['name']),
          }),
        )}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            Sign off
          </Title>
          <Text size="sm">
            Every case passes. Type your name to accept the result on behalf of your organisation; the time is recorded with it.
          </Text>
          <TextInput label="Your full name" withAsterisk maxLength={200} {...form.getInputProps('name')} />
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconSignature size={16} />} loading={signOff.isPending}>
              Sign off
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
