import { Badge } from '@mantine/core';
import { IconBuildingSkyscraper } from '@tabler/icons-react';
import { useAccounts } from '../../../accounts/api';
import { SEGMENT_LABELS, STAGE_COLORS, STAGE_LABELS } from '../../../accounts/labels';
import { formatMoneyCompact } from '../../../../ui/format';
import { HOME_ROWS, HomeRow, HomeSection, countOf } from '../HomeSection';

/** The accounts on whose team this member sits, strategic ones first, largest first. */
export function StrategicAccountsSection({ memberId }: { memberId: string }) {
  const accounts = useAccounts({ memberId, sort: 'arr', order: 'desc', limit: 50 });
  const all = accounts.data?.items ?? [];
  const strategic = all.filter((a) => a.segment === 'strategic');
  // Someone deployed to one enterprise customer still sees it: strategic first, then the rest.
  const shown = [...strategic, ...all.filter((a) => a.segment !== 'strategic')].slice(0, HOME_ROWS);
  return (
    <HomeSection
      title="My strategic accounts"
      count={countOf(strategic.length || all.length, Boolean(accounts.data?.nextCursor))}
      seeAll={`/accounts?owner=${memberId}&segment=strategic`}
      loading={accounts.isPending}
      error={accounts.error}
      onRetry={() => void accounts.refetch()}
      empty={
        shown.length === 0
          ? {
              icon: <IconBuildingSkyscraper size={18} />,
              title: 'You are on no account teams yet',
              description: 'The accounts whose team names you show here, strategic ones first.',
            }
          : null
      }
    >
      {shown.map((a) => (
        <HomeRow
          key={a.id}
          to={`/accounts/${a.id}`}
          name={a.name}
          detail={`${SEGMENT_LABELS[a.segment]} · ${formatMoneyCompact(a.arr)} ARR`}
          badge={
            <Badge size="sm" variant="dot" color={STAGE_COLORS[a.lifecycleStage]}>
              {STAGE_LABELS[a.lifecycleStage]}
            </Badge>
          }
        />
      ))}
    </HomeSection>
  );
}
