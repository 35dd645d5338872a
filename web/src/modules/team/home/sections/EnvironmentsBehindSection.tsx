import { Badge } from '@mantine/core';
import { IconServer } from '@tabler/icons-react';
import { useEngagements } from '../../../delivery/engagements/api';
import { behindColor, useMatrix } from '../../../delivery/environments/api';
import { HOME_ROWS, HomeRow, HomeSection } from '../HomeSection';

/** Customer environments behind the latest release on the accounts of the engagements this member leads. */
export function EnvironmentsBehindSection({ memberId }: { memberId: string }) {
  const engagements = useEngagements({ leadId: memberId, limit: 50 });
  const matrix = useMatrix({ minBehind: 1, limit: 200 });
  const mine = new Set((engagements.data?.items ?? []).map((e) => e.account.id));
  const behind = (matrix.data?.rows ?? [])
    .filter((r) => mine.has(r.account.id))
    .flatMap((r) => r.environments)
    .filter((e) => e.versionsBehind > 0)
    .sort((a, b) => b.versionsBehind - a.versionsBehind);
  return (
    <HomeSection
      title="Environments behind"
      count={behind.length}
      seeAll="/environments?minBehind=1"
      loading={engagements.isPending || matrix.isPending}
      error={engagements.error ?? matrix.error}
      onRetry={() => void Promise.all([engagements.refetch(), matrix.refetch()])}
      empty={
        behind.length === 0
          ? {
              icon: <IconServer size={18} />,
              title: 'Your customers are on the latest release',
              description: 'Environments of the accounts you deliver to show here when a newer release is out.',
            }
          : null
      }
    >
      {behind.slice(0, HOME_ROWS).map((e) => (
        <HomeRow
          key={e.id}
          to={`/environments/${e.id}`}
          name={`${e.account.name} · ${e.name}`}
          detail={`${e.product} ${e.version}${e.latestVersion ? ` → ${e.latestVersion}` : ''}${e.versionSupported ? '' : ' · end of life'}`}
          badge={
            <Badge size="sm" variant="light" color={behindColor(e.versionsBehind)}>
              {e.versionsBehind} behind
            </Badge>
          }
        />
      ))}
    </HomeSection>
  );
}
