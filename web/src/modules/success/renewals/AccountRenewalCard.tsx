import { Badge, Button, Card, Group, List, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { daysUntil, formatDate, formatMoney, fromNow } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import {
  FORECAST_COLORS,
  RENEWAL_FORECASTS,
  RENEWAL_FORECAST_LABELS,
  RENEWAL_RISK_LABELS,
  RISK_COLORS,
  useAccountRenewal,
  useSetRenewal,
  type RenewalForecast,
} from './api';

/** The account's renewal: date and ARR (the account's), the forecast with its note, and the risk with its reasons. */
export function AccountRenewalCard({ accountId }: { accountId: string }) {
  const { can } = useAuth();
  const renewal = useAccountRenewal(accountId);
  const save = useSetRenewal(accountId);
  const [forecast, setForecast] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const r = renewal.data;
  useEffect(() => {
    if (r) {
      setForecast(r.forecast);
      setNote(r.note ?? '');
    }
  }, [r]);
  const dirty = r && (forecast !== r.forecast || note.trim() !== (r.note ?? ''));
  const submit = () => {
    if (!forecast) return;
    setErrors({});
    save.mutate(
      { forecast: forecast as RenewalForecast, note: note.trim() || null },
      {
        onSuccess: () => notifySuccess('Renewal forecast saved'),
        onError: (error) => showServerErrors({ setErrors }, error, ['forecast', 'note']),
      },
    );
  };
  return (
    <Card withBorder component="section" aria-label="Renewal">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h5">
          Renewal
        </Title>
        {r && (
          <Badge color={RISK_COLORS[r.risk]} variant="light">
            {RENEWAL_RISK_LABELS[r.risk]}
          </Badge>
        )}
      </Group>
      {renewal.isError && <QueryError error={renewal.error} onRetry={() => void renewal.refetch()} />}
      {r && (
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              Date
            </Text>
            <Text size="sm">
              {r.renewalDate
                ? `${formatDate(r.renewalDate)} (${daysUntil(r.renewalDate) >= 0 ? `in ${daysUntil(r.renewalDate)} days` : 'passed'})`
                : 'Not set'}
            </Text>
          </Group>
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              ARR
            </Text>
            <Text size="sm">{formatMoney(r.arr)}</Text>
          </Group>
          {r.reasons.length > 0 && (
            <List size="xs" aria-label="Risk reasons">
              {r.reasons.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          )}
          {can('success.write') ? (
            <>
              <Select
                label="Forecast"
                placeholder="Not forecast yet"
                data={RENEWAL_FORECASTS.map((f) => ({ value: f, label: RENEWAL_FORECAST_LABELS[f] }))}
                value={forecast}
                onChange={setForecast}
                error={errors.forecast}
              />
              <Textarea
                label="Forecast note"
                autosize
                minRows={1}
                maxRows={4}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={errors.note}
              />
              <Group justify="flex-end">
                <Button size="xs" onClick={submit} disabled={!forecast || !dirty} loading={save.isPending}>
                  Save forecast
                </Button>
              </Group>
            </>
          ) : (
            <Group justify="space-between" gap="xs">
              <Text size="sm" c="dimmed">
                Forecast
              </Text>
              {r.forecast ? (
                <Badge color={FORECAST_COLORS[r.forecast]} variant="light">
                  {RENEWAL_FORECAST_LABELS[r.forecast]}
                </Badge>
              ) : (
                <Text size="sm">Not forecast yet</Text>
              )}
            </Group>
          )}
          {r.updatedAt && (
            <Text size="xs" c="dimmed">
              Forecast by {r.updatedBy?.name ?? 'someone'} {fromNow(r.updatedAt)}
              {!can('success.write') && r.note ? `: ${r.note}` : ''}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
