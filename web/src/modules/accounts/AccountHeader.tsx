import type { ReactNode } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router-dom';
import { useAuth } from '../../lib/auth';
import { daysUntil, formatDate, formatMoney } from '../../ui/format';
import { IconPencil, IconWorld } from '@tabler/icons-react';
import { RelationshipBadge } from '../../ui/RelationshipBadge';
import type { Account } from './api';
import { AccountFormModal } from './AccountFormModal';
import { SEGMENT_LABELS, STAGE_COLORS, STAGE_LABELS } from './labels';

export function AccountHeader({ account }: { account: Account }) {
  const { can } = useAuth();
  const [editOpen, edit] = useDisclosure();
  const renewalIn = account.renewalDate ? daysUntil(account.renewalDate) : null;

  return (
    <Card>
      <Stack gap="md">
        <Breadcrumbs>
          <Anchor component={Link} to="/accounts" size="sm">
            Accounts
          </Anchor>
          <Text size="sm">{account.name}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start">
          <Stack gap={6}>
            <Group gap="sm">
              <Title order={2}>{account.name}</Title>
              <RelationshipBadge value={account.relationship} size="md" />
              {account.internal && (
                <Badge variant="light" color="grape" size="md" title="Our own company: its requesters are staff, not customers">
                  Internal
                </Badge>
              )}
            </Group>
            <Group gap={6} c="dimmed">
              <IconWorld size={14} />
              <Text size="sm" c="dimmed">
                {account.domains.length ? account.domains.join(' · ') : 'No e-mail domains'}
              </Text>
            </Group>
          </Stack>
          {can('accounts.write') && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open}>
              Edit account
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg">
          <Fact label="Segment">{SEGMENT_LABELS[account.segment]}</Fact>
          <Fact label="ARR">{formatMoney(account.arr)}</Fact>
          <Fact label="Lifecycle stage">
            <Badge variant="light" color={STAGE_COLORS[account.lifecycleStage]}>
              {STAGE_LABELS[account.lifecycleStage]}
            </Badge>
          </Fact>
          <Fact label="Renewal date">
            {formatDate(account.renewalDate)}
            {renewalIn !== null && renewalIn >= 0 && (
              <Text span size="xs" c={renewalIn <= 90 ? 'orange' : 'dimmed'} ml={6}>
                in {renewalIn} days
              </Text>
            )}
          </Fact>
        </SimpleGrid>
        {(account.tags.length > 0 || account.notes) && (
          <Stack gap="xs" aria-label="Tags and notes" component="section">
            {account.tags.length > 0 && (
              <Group gap={4} aria-label="Tags">
                {account.tags.map((tag) => (
                  <Badge key={tag} size="sm" variant="outline" color="gray" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
            {account.notes && (
              <Fact label="Notes">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {account.notes}
                </Text>
              </Fact>
            )}
          </Stack>
        )}
      </Stack>
      <AccountFormModal opened={editOpen} onClose={edit.close} account={account} />
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" fw={500}>
        {children}
      </Text>
    </Stack>
  );
}
