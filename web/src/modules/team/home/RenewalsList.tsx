import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../ui/EmptyState';
import { daysUntil, formatDate, formatMoney } from '../../../ui/format';
import { IconCalendar } from '@tabler/icons-react';
import { RelationshipBadge } from '../../../ui/RelationshipBadge';
import type { AccountSummary } from '../../accounts/api';

export const RENEWAL_HORIZON_DAYS = 90;

export function upcomingRenewals(accounts: AccountSummary[]): AccountSummary[] {
  return accounts
    .filter((a) => a.renewalDate && a.lifecycleStage !== 'churned')
    .filter((a) => {
      const days = daysUntil(a.renewalDate!);
      return days >= 0 && days <= RENEWAL_HORIZON_DAYS;
    })
    .sort((a, b) => a.renewalDate!.localeCompare(b.renewalDate!));
}

export function RenewalsList({ accounts }: { accounts: AccountSummary[] }) {
  if (accounts.length === 0) {
    return (
      <EmptyState
        icon={<IconCalendar size={18} />}
        title="No renewals in the next 90 days"
        description="Renewals show here three months ahead."
      />
    );
  }
  return (
    <Stack gap="sm">
      {accounts.map((account) => {
        const days = daysUntil(account.renewalDate!);
        return (
          <Group key={account.id} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Anchor component={Link} to={`/accounts/${account.id}`} fw={600} size="sm">
                {account.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatDate(account.renewalDate)} · {formatMoney(account.arr)}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <RelationshipBadge value={account.relationship} size="xs" />
              <Badge size="sm" variant="light" color={days <= 30 ? 'red' : 'orange'}>
                {days === 0 ? 'today' : `${days} d`}
              </Badge>
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}
