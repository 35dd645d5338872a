import type { ReactNode } from 'react';
import { Anchor, Avatar, Badge, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAuth } from '../../lib/auth';
import { daysUntil, formatDate, formatMoney, fromNow, initials } from '../../ui/format';
import { RelationshipBadge } from '../../ui/RelationshipBadge';
import type { Account } from '../accounts/api';
import { SEGMENT_LABELS, STAGE_COLORS, STAGE_LABELS } from '../accounts/labels';
import type { RecentTicket } from './api';
import { StatusBadge } from './TicketBadges';

/** The customer behind the case: revenue, renewal, how deep the relationship runs and who owns it. */
export function AccountContextCard({ account, recentTickets }: { account: Account; recentTickets: RecentTicket[] }) {
  const { can, roleLabel } = useAuth();
  const renewalIn = account.renewalDate ? daysUntil(account.renewalDate) : null;
  return (
    <Card component="section" aria-label="Account context">
      <Stack gap="sm">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Account
          </Text>
          <Title order={4}>
            {can('accounts.read') ? (
              <Anchor component={Link} to={`/accounts/${account.id}`} inherit>
                {account.name}
              </Anchor>
            ) : (
              account.name
            )}
          </Title>
        </Stack>
        <Group gap={6}>
          <RelationshipBadge value={account.relationship} />
          <Badge variant="light" color="gray">
            {SEGMENT_LABELS[account.segment]}
          </Badge>
          <Badge variant="light" color={STAGE_COLORS[account.lifecycleStage]}>
            {STAGE_LABELS[account.lifecycleStage]}
          </Badge>
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          <Fact label="ARR">{formatMoney(account.arr)}</Fact>
          <Fact label="Renewal">
            {formatDate(account.renewalDate)}
            {renewalIn !== null && renewalIn >= 0 && (
              <Text size="xs" c={renewalIn <= 90 ? 'orange' : 'dimmed'}>
                in {renewalIn} days
              </Text>
            )}
          </Fact>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {account.relationshipEvidence.interactionCount} interactions in {account.relationshipEvidence.windowDays} days
          {account.relationshipEvidence.lastAt ? ` · last ${fromNow(account.relationshipEvidence.lastAt)}` : ''}
        </Text>
        <Divider />
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          Account team
        </Text>
        {account.team.length === 0 ? (
          <Text size="sm" c="dimmed">
            No team assigned.
          </Text>
        ) : (
          <Stack gap={6}>
            {account.team.map((slot) => (
              <Group key={slot.role} gap="xs" wrap="nowrap" align="flex-start">
                <Avatar size={26} radius="xl" color="indigo">
                  {initials(slot.memberName)}
                </Avatar>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" lh={1.3}>
                    {slot.memberName}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.3}>
                    {roleLabel(slot.role)}
                  </Text>
                </Stack>
              </Group>
            ))}
          </Stack>
        )}
        <Divider />
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          Recent tickets
        </Text>
        {recentTickets.length === 0 ? (
          <Text size="sm" c="dimmed">
            No other tickets from this account.
          </Text>
        ) : (
          <Stack gap={6}>
            {recentTickets.map((t) => (
              <Group key={t.id} gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                <Anchor component={Link} to={`/tickets/${t.id}`} size="sm" lineClamp={2}>
                  #{t.number} {t.subject}
                </Anchor>
                <StatusBadge status={t.status} size="xs" />
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div" size="sm" fw={500}>
        {children}
      </Text>
    </Stack>
  );
}
