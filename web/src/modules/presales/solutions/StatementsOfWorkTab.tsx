import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconArrowRight, IconDownload, IconFileInvoice, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import {
  ENGAGEMENT_KIND_LABELS,
  SOW_STATUS_COLORS,
  SOW_STATUS_LABELS,
  formatAmount,
  useDeleteSow,
  useSaveSow,
  useSowAction,
  useSows,
  type StatementOfWork,
} from './api';
import { AcceptSowModal, DeclineSowModal } from './SowDecisionModals';
import { SowEditorModal } from './SowEditorModal';

/**
 * A deal's statements of work, newest first: each with its priced scope and totals, and the action
 * its status allows — edit and send a draft; accept (which creates the delivery engagement) or
 * decline a sent one; copy any into a new draft; export as PDF or Markdown.
 */
export function StatementsOfWorkTab({ opportunityId }: { opportunityId: string }) {
  const { can } = useAuth();
  const sows = useSows(opportunityId);
  const [editing, setEditing] = useState<StatementOfWork | null>(null);
  const [editorOpen, editor] = useDisclosure();
  const open = (sow: StatementOfWork | null) => {
    setEditing(sow);
    editor.open();
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Scope priced from the rate card; accepting one creates the delivery engagement with its hours as the budget.
        </Text>
        {can('presales.write') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => open(null)}>
            New statement of work
          </Button>
        )}
      </Group>
      {sows.isError && <QueryError error={sows.error} onRetry={() => void sows.refetch()} />}
      {sows.isPending && (
        <Card withBorder p={0}>
          <Table>
            <Table.Tbody>
              <SkeletonRows columns={3} rows={3} />
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {sows.isSuccess && sows.data.length === 0 && (
        <Card withBorder>
          <EmptyState
            icon={<IconFileInvoice size={18} />}
            title="No statement of work yet"
            description="Draft one from the rate card: scope items with hours, assumptions and what is out of scope."
          />
        </Card>
      )}
      {sows.data?.map((sow) => (
        <SowCard key={sow.id} sow={sow} opportunityId={opportunityId} onEdit={() => open(sow)} />
      ))}
      <SowEditorModal opened={editorOpen} onClose={editor.close} opportunityId={opportunityId} sow={editing ?? undefined} />
    </Stack>
  );
}

function SowCard({ sow, opportunityId, onEdit }: { sow: StatementOfWork; opportunityId: string; onEdit: () => void }) {
  const { can } = useAuth();
  const canWrite = can('presales.write');
  const action = useSowAction(opportunityId);
  const remove = useDeleteSow(opportunityId);
  const reprice = useSaveSow(opportunityId);
  const [acceptOpen, accept] = useDisclosure();
  const [declineOpen, decline] = useDisclosure();
  const phone = useMediaQuery('(max-width: 36em)');
  const money = (n: number) => formatAmount(n, sow.currency);
  const run = (kind: 'send' | 'copy', done: string) =>
    action.mutate({ id: sow.id, kind }, { onSuccess: () => notifySuccess(done), onError: (e) => notifyError(e) });

  return (
    <Card withBorder component="article" aria-label={sow.title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Title order={4} style={{ overflowWrap: 'anywhere' }}>
                {sow.title}
              </Title>
              <Badge color={SOW_STATUS_COLORS[sow.status]} variant="light">
                {SOW_STATUS_LABELS[sow.status]}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {sow.sentAt ? `Sent ${formatDate(sow.sentAt)}` : `Drafted ${formatDate(sow.createdAt)}`}
              {sow.decidedAt ? ` · ${sow.status === 'accepted' ? 'accepted' : 'declined'} ${formatDate(sow.decidedAt)}` : ''}
              {sow.decidedBy ? ` by ${sow.decidedBy.name}` : ''}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end">
            <Text fw={700} aria-label="Total">
              {money(sow.totalAmount)}
            </Text>
            <Text size="xs" c="dimmed" aria-label="Total hours">
              {sow.totalHours} h
            </Text>
          </Stack>
        </Group>
        {sow.summary && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {sow.summary}
          </Text>
        )}
        {phone ? (
          <Stack gap={6} role="list" aria-label={`Scope of ${sow.title}`}>
            {sow.items.map((item) => (
              <Stack key={item.id} gap={0} role="listitem" pb={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {item.description}
                </Text>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="xs" c="dimmed">
                    {item.roleName} · {item.hours} h × {money(item.hourlyRate)}
                  </Text>
                  <Text size="sm" fw={500}>
                    {money(item.amount)}
                  </Text>
                </Group>
              </Stack>
            ))}
            <Group justify="space-between">
              <Text size="sm" fw={700}>
                Total {sow.totalHours} h
              </Text>
              <Text size="sm" fw={700}>
                {money(sow.totalAmount)}
              </Text>
            </Group>
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table fz="sm" aria-label={`Scope of ${sow.title}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Work</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th ta="right">Hours</Table.Th>
                  <Table.Th ta="right">Rate</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sow.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{item.description}</Table.Td>
                    <Table.Td>{item.roleName}</Table.Td>
                    <Table.Td ta="right">{item.hours}</Table.Td>
                    <Table.Td ta="right">
                      {money(item.hourlyRate)}
                      {item.rateChanged && sow.status === 'draft' && (
                        <Text size="xs" c="orange">
                          card changed
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{money(item.amount)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td fw={700}>Total</Table.Td>
                  <Table.Td />
                  <Table.Td ta="right" fw={700}>
                    {sow.totalHours}
                  </Table.Td>
                  <Table.Td />
                  <Table.Td ta="right" fw={700}>
                    {money(sow.totalAmount)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {(sow.assumptions || sow.outOfScope) && (
          <Group align="flex-start" grow wrap="wrap">
            {sow.assumptions && <TextBlock label="Assumptions" text={sow.assumptions} />}
            {sow.outOfScope && <TextBlock label="Out of scope" text={sow.outOfScope} />}
          </Group>
        )}
        {sow.status === 'declined' && sow.declineReason && (
          <Alert color="red" variant="light" title="Declined">
            {sow.declineReason}
          </Alert>
        )}
        {sow.engagement && (
          <Alert color="teal" variant="light" title={`${ENGAGEMENT_KIND_LABELS[sow.engagement.kind]} engagement created`}>
            <Anchor component={Link} to={`/engagements/${sow.engagement.id}`}>
              Open the engagement <IconArrowRight size={12} />
            </Anchor>{' '}
            (budget {sow.totalHours} h)
          </Alert>
        )}
        <Group justify="flex-end" gap="xs" wrap="wrap">
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="xs" variant="default" leftSection={<IconDownload size={14} />}>
                Export
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item component="a" href={`/api/statements-of-work/${sow.id}/export?format=pdf`} download>
                PDF
              </Menu.Item>
              <Menu.Item component="a" href={`/api/statements-of-work/${sow.id}/export?format=md`} download>
                Markdown
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {canWrite && sow.status !== 'draft' && (
            <Button size="xs" variant="default" loading={action.isPending} onClick={() => run('copy', 'Copied into a new draft')}>
              Copy to new draft
            </Button>
          )}
          {canWrite && sow.status === 'draft' && sow.items.some((i) => i.rateChanged) && (
            <Button
              size="xs"
              variant="light"
              color="orange"
              loading={reprice.isPending}
              onClick={() =>
                reprice.mutate(
                  { id: sow.id, repriceItems: true },
                  { onSuccess: () => notifySuccess('Repriced from the rate card'), onError: (e) => notifyError(e) },
                )
              }
            >
              Take the card’s current rates
            </Button>
          )}
          {canWrite && sow.status === 'draft' && (
            <>
              <ConfirmButton
                size="xs"
                variant="subtle"
                color="red"
                title={`Delete “${sow.title}”?`}
                message="The draft and its scope items are deleted."
                confirmLabel="Delete draft"
                onConfirm={() => remove.mutateAsync(sow.id).catch((e: unknown) => notifyError(e))}
              >
                Delete
              </ConfirmButton>
              <Button size="xs" variant="default" onClick={onEdit}>
                Edit
              </Button>
              <ConfirmButton
                size="xs"
                color="blue"
                title={`Send “${sow.title}”?`}
                message={`Once sent, it is the offer the customer holds: ${sow.totalHours} h, ${money(sow.totalAmount)}. It can no longer be edited, only copied into a new draft.`}
                confirmLabel="Mark as sent"
                onConfirm={() =>
                  action
                    .mutateAsync({ id: sow.id, kind: 'send' })
                    .then(() => notifySuccess('Marked as sent'))
                    .catch((e: unknown) => notifyError(e))
                }
              >
                Send
              </ConfirmButton>
            </>
          )}
          {sow.status === 'sent' && canWrite && (
            <Button size="xs" variant="default" color="red" onClick={decline.open}>
              Declined…
            </Button>
          )}
          {sow.status === 'sent' && can('presales.manage') && (
            <Button size="xs" color="teal" onClick={accept.open}>
              Accept…
            </Button>
          )}
        </Group>
      </Stack>
      <AcceptSowModal opened={acceptOpen} onClose={accept.close} sow={sow} opportunityId={opportunityId} />
      <DeclineSowModal opened={declineOpen} onClose={decline.close} sow={sow} opportunityId={opportunityId} />
    </Card>
  );
}

function TextBlock({ label, text }: { label: string; text: string }) {
  return (
    <Stack gap={2} miw={220}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Text>
    </Stack>
  );
}
