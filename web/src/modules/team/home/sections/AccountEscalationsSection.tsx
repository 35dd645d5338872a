import { Badge } from '@mantine/core';
import { IconArrowUpRight } from '@tabler/icons-react';
import { useAccounts } from '../../../accounts/api';
import { useTickets } from '../../../support/api';
import { TIER_COLORS, TIER_LABELS } from '../../../support/labels';
import { fromNow } from '../../../../ui/format';
import { HOME_ROWS, HomeRow, HomeSection } from '../HomeSection';

const QUEUE = 200;

/** Cases of this member's accounts that went up to Tier 2 or engineering and are not solved. */
export function AccountEscalationsSection({ memberId }: { memberId: string }) {
  const accounts = useAccounts({ memberId, limit: 200 });
  const tier2 = useTickets({ view: 'view-tier2', limit: QUEUE });
  const engineering = useTickets({ view: 'view-engineering', limit: QUEUE });
  const mine = new Set((accounts.data?.items ?? []).map((a) => a.id));
  const escalated = [...(engineering.data?.items ?? []), ...(tier2.data?.items ?? [])]
    .filter((t) => mine.has(t.account.id))
    .sort((a, b) => b.tierEnteredAt.localeCompare(a.tierEnteredAt));
  return (
    <HomeSection
      title="Escalated cases"
      count={escalated.length}
      seeAll="/tickets?view=view-tier2"
      loading={accounts.isPending || tier2.isPending || engineering.isPending}
      error={accounts.error ?? tier2.error ?? engineering.error}
      onRetry={() => void Promise.all([accounts.refetch(), tier2.refetch(), engineering.refetch()])}
      empty={
        escalated.length === 0
          ? {
              icon: <IconArrowUpRight size={18} />,
              title: 'No escalated cases on your accounts',
              description: 'Cases of your accounts that go to Tier 2 or engineering show here until they are solved.',
            }
          : null
      }
    >
      {escalated.slice(0, HOME_ROWS).map((t) => (
        <HomeRow
          key={t.id}
          to={`/tickets/${t.id}`}
          name={t.subject}
          detail={`#${t.number} · ${t.account.name} · escalated ${fromNow(t.tierEnteredAt)}`}
          badge={
            <Badge size="sm" variant="light" color={TIER_COLORS[t.tier]}>
              {TIER_LABELS[t.tier]}
            </Badge>
          }
        />
      ))}
    </HomeSection>
  );
}
