import { Group } from '@mantine/core';
import { IconHeartbeat } from '@tabler/icons-react';
import { useAccounts } from '../../../accounts/api';
import { usePortfolio } from '../../../success/health/api';
import { GradeBadge } from '../../../success/health/parts';
import { HOME_ROWS, HomeRow, HomeSection } from '../HomeSection';

const PORTFOLIO = 200;

/** The health of the accounts on whose team this member sits, the weakest first. */
export function AccountHealthSection({ memberId }: { memberId: string }) {
  const accounts = useAccounts({ memberId, limit: 200 });
  // Sorted weakest first; "owner" on the portfolio means the TAM (else the CSE), so a CSE beside a
  // TAM would see nothing there: the portfolio is intersected with the accounts they are on.
  const portfolio = usePortfolio({ sort: 'score', direction: 'asc', limit: PORTFOLIO });
  const mine = new Set((accounts.data?.items ?? []).map((a) => a.id));
  const rows = (portfolio.data?.pages[0]?.items ?? []).filter((r) => mine.has(r.account.id));
  const weak = rows.filter((r) => r.grade === 'red' || r.grade === 'yellow').length;
  return (
    <HomeSection
      title="Account health"
      count={weak ? `${weak} at risk` : rows.length}
      seeAll="/success/portfolio"
      loading={accounts.isPending || portfolio.isPending}
      error={accounts.error ?? portfolio.error}
      onRetry={() => void Promise.all([accounts.refetch(), portfolio.refetch()])}
      empty={
        rows.length === 0
          ? {
              icon: <IconHeartbeat size={18} />,
              title: 'No health scores for your accounts',
              description: 'When you are on an account’s team, its health grade and what drives it show here, weakest first.',
            }
          : null
      }
    >
      {rows.slice(0, HOME_ROWS).map((r) => (
        <HomeRow
          key={r.account.id}
          to={`/accounts/${r.account.id}`}
          name={r.account.name}
          detail={r.topDriver ?? (r.score === null ? 'Not scored yet' : `Score ${Math.round(r.score)}`)}
          badge={
            <Group gap={4} wrap="nowrap">
              <GradeBadge grade={r.grade} />
            </Group>
          }
        />
      ))}
    </HomeSection>
  );
}
