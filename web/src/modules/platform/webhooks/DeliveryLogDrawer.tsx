import { Badge, Button, Card, Code, Drawer, Group, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDateTime, fromNow } from '../../../ui/format';
import { IconHistory } from '@tabler/icons-react';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useDeliveries, useRedeliver, type Delivery, type Webhook } from './api';
import { DELIVERY_COLORS, DELIVERY_LABELS } from './labels';

/** Every delivery of one subscription, newest first, with each attempt's answer. */
export function DeliveryLogDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const deliveries = useDeliveries(webhook?.id ?? null);
  return (
    <Drawer opened={webhook !== null} onClose={onClose} position="right" size="xl" title={webhook ? `Deliveries · ${webhook.name}` : ''}>
      {webhook && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Sent to <Code>{webhook.url}</Code>. Failed deliveries are retried with backoff; Redeliver sends one again now.
          </Text>
          {deliveries.isPending && <Skeleton height={160} />}
          {deliveries.isError && <QueryError error={deliveries.error} onRetry={() => void deliveries.refetch()} />}
          {deliveries.isSuccess && deliveries.data.length === 0 && (
            <EmptyState
              icon={<IconHistory size={18} />}
              title="No deliveries yet"
              description="Use “Send test” to send a ping event and see the receiver’s answer here."
            />
          )}
          {deliveries.data?.map((delivery) => (
            <DeliveryCard key={delivery.id} webhookId={webhook.id} delivery={delivery} />
          ))}
        </Stack>
      )}
    </Drawer>
  );
}

function DeliveryCard({ webhookId, delivery }: { webhookId: string; delivery: Delivery }) {
  const redeliver = useRedeliver(webhookId);
  return (
    <Card p="md" component="section" aria-label={`Delivery of ${delivery.eventType}`}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="sm">
          <Badge color={DELIVERY_COLORS[delivery.status]} variant="light">
            {DELIVERY_LABELS[delivery.status]}
          </Badge>
          <Code>{delivery.eventType}</Code>
          <Text size="xs" c="dimmed">
            event #{delivery.eventId}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Tooltip label={formatDateTime(delivery.createdAt)}>
            <Text size="xs" c="dimmed">
              {fromNow(delivery.createdAt)}
            </Text>
          </Tooltip>
          <Button
            size="xs"
            variant="light"
            loading={redeliver.isPending}
            onClick={() =>
              redeliver.mutate(delivery.id, {
                onSuccess: () => notifySuccess('Queued for redelivery.'),
                onError: (error) => notifyError(error),
              })
            }
          >
            Redeliver
          </Button>
        </Group>
      </Group>
      {delivery.attempts.length === 0 ? (
        <Text size="sm" c="dimmed">
          Waiting for the first attempt…
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" aria-label="Attempts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Attempt</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Response</Table.Th>
              <Table.Th>Time</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {delivery.attempts.map((attempt, n) => {
              const ok = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
              return (
                <Table.Tr key={`${attempt.at}-${n}`}>
                  <Table.Td>{n + 1}</Table.Td>
                  <Table.Td>{formatDateTime(attempt.at)}</Table.Td>
                  <Table.Td>
                    {attempt.statusCode !== null ? (
                      <Badge variant="outline" color={ok ? 'green' : 'red'}>
                        HTTP {attempt.statusCode}
                      </Badge>
                    ) : (
                      <Text size="xs" c="red">
                        {attempt.error ?? 'No response'}
                      </Text>
                    )}
                    {attempt.statusCode !== null && attempt.error && (
                      <Text size="xs" c="dimmed">
                        {attempt.error}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{attempt.durationMs} ms</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {delivery.status === 'pending' && delivery.nextAttemptAt && (
        <Text size="xs" c="dimmed" mt="xs">
          Next attempt {fromNow(delivery.nextAttemptAt)}
        </Text>
      )}
    </Card>
  );
}
