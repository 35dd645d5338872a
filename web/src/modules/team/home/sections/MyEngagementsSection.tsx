import { Badge } from '@mantine/core';
import { IconBriefcase } from '@tabler/icons-react';
import type { EngagementKind } from '../../../../../../src/modules/delivery/contract/kinds';
import { useEngagements } from '../../../delivery/engagements/api';
import { KIND_LABELS, STATUS_COLORS, STATUS_LABELS } from '../../../delivery/engagements/labels';
import { formatDate } from '../../../../ui/format';
import { HOME_ROWS, HomeRow, HomeSection, countOf } from '../HomeSection';

const FINISHED = new Set(['done', 'cancelled']);

/** The engagements this member leads that are still running: projects, deployments, proofs of concept. */
export function MyEngagementsSection({
  memberId,
  kind,
  title = 'My engagements',
}: {
  memberId: string;
  kind?: EngagementKind;
  title?: string;
}) {
  const engagements = useEngagements({ leadId: memberId, kind, limit: 50 });
  const running = (engagements.data?.items ?? []).filter((e) => !FINISHED.has(e.status));
  const shown = running.slice(0, HOME_ROWS);
  return (
    <HomeSection
      title={title}
      count={countOf(running.length, Boolean(engagements.data?.nextCursor))}
      seeAll={`/engagements?lead=${memberId}${kind ? `&kind=${kind}` : ''}`}
      loading={engagements.isPending}
      error={engagements.error}
      onRetry={() => void engagements.refetch()}
      empty={
        shown.length === 0
          ? {
              icon: <IconBriefcase size={18} />,
              title: kind ? `No ${KIND_LABELS[kind].toLowerCase()} engagements running` : 'You lead no running engagements',
              description: 'Engagements you lead show here until they are done.',
            }
          : null
      }
    >
      {shown.map((e) => (
        <HomeRow
          key={e.id}
          to={`/engagements/${e.id}`}
          name={e.name}
          detail={`${e.account.name} · ${KIND_LABELS[e.kind]} · ${e.progress.done}/${e.progress.total} tasks${
            e.nextMilestone ? ` · next: ${e.nextMilestone.title} ${formatDate(e.nextMilestone.dueDate)}` : ''
          }`}
          badge={
            <Badge size="sm" variant="light" color={e.atRisk ? 'red' : STATUS_COLORS[e.status]}>
              {e.atRisk && e.status !== 'at_risk' ? 'At risk' : STATUS_LABELS[e.status]}
            </Badge>
          }
        />
      ))}
    </HomeSection>
  );
}
