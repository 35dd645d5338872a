import { Badge } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useQuestionnaires } from '../../../presales/questionnaires/api';
import { daysUntil, formatDate } from '../../../../ui/format';
import { HOME_ROWS, HomeRow, HomeSection } from '../HomeSection';

/** The security and RFP questionnaires this member owns that are not submitted yet, soonest due first. */
export function QuestionnairesDueSection({ memberId }: { memberId: string }) {
  const list = useQuestionnaires({ ownerId: memberId, limit: 100 });
  const due = (list.data?.items ?? [])
    .filter((q) => q.status !== 'submitted')
    .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  return (
    <HomeSection
      title="Questionnaires due"
      count={due.length}
      seeAll="/presales/questionnaires"
      loading={list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      empty={
        due.length === 0
          ? {
              icon: <IconFileSpreadsheet size={18} />,
              title: 'No questionnaires waiting on you',
              description: 'Security questionnaires and RFPs you own show here until they are submitted.',
            }
          : null
      }
    >
      {due.slice(0, HOME_ROWS).map((q) => {
        const answered = q.progress.approved;
        const days = q.dueOn ? daysUntil(q.dueOn) : null;
        return (
          <HomeRow
            key={q.id}
            to={`/presales/questionnaires/${q.id}`}
            name={q.title}
            detail={`${q.account.name} · ${answered}/${q.questionCount} approved${q.dueOn ? ` · due ${formatDate(q.dueOn)}` : ''}`}
            badge={
              days !== null && (
                <Badge size="sm" variant="light" color={days < 0 ? 'red' : days <= 7 ? 'orange' : 'gray'}>
                  {days < 0 ? `${-days} d late` : days === 0 ? 'today' : `${days} d`}
                </Badge>
              )
            }
          />
        );
      })}
    </HomeSection>
  );
}
