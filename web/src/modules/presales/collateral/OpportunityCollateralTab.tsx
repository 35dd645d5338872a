import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFiles, IconSend } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { QueryError } from '../../../ui/QueryError';
import { useOpportunityCollateral } from './api';
import { SendCard } from './SendCard';
import { SendCollateralModal } from './SendCollateralModal';

/** What was sent for this deal — which item, which version, to whom — and the "Send collateral" dialog. */
export function OpportunityCollateralTab({ opportunityId }: { opportunityId: string }) {
  const { can } = useAuth();
  const sent = useOpportunityCollateral(opportunityId);
  const [sendOpen, sendModal] = useDisclosure();
  const first = sent.data?.pages[0];
  const items = sent.data?.pages.flatMap((p) => p.items) ?? [];
  const distinct = new Set(items.map((s) => s.item.id)).size;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={4}>Sent collateral</Title>
          <Text size="sm" c="dimmed">
            {items.length
              ? `${items.length}${sent.hasNextPage ? '+' : ''} ${items.length === 1 ? 'send' : 'sends'} of ${distinct} ${distinct === 1 ? 'item' : 'items'}, newest first.`
              : 'Case studies, whitepapers and guides sent for this deal.'}{' '}
            <Anchor component={Link} to="/presales/collateral" size="sm">
              Open the library
            </Anchor>
          </Text>
        </Stack>
        {can('presales.write') && (
          <Button leftSection={<IconSend size={16} />} onClick={sendModal.open} disabled={!first}>
            Send collateral
          </Button>
        )}
      </Group>
      {sent.isPending && <Skeleton height={140} />}
      {sent.isError && <QueryError error={sent.error} onRetry={() => void sent.refetch()} />}
      {sent.isSuccess && items.length === 0 && (
        <Card withBorder>
          <EmptyState
            icon={<IconFiles size={20} />}
            title="Nothing sent yet"
            description="Record each case study, whitepaper or guide you send, so the deal team knows what the customer has seen."
          />
        </Card>
      )}
      {items.map((s) => (
        <SendCard key={s.id} send={s} lead="item" />
      ))}
      {sent.hasNextPage && (
        <Button variant="default" onClick={() => void sent.fetchNextPage()} loading={sent.isFetchingNextPage}>
          Load more
        </Button>
      )}
      {first && (
        <SendCollateralModal
          opportunityId={opportunityId}
          opportunityName={first.opportunity.name}
          accountId={first.opportunity.accountId}
          accountName={first.opportunity.accountName}
          opened={sendOpen}
          onClose={sendModal.close}
        />
      )}
    </Stack>
  );
}
