import { Button, Menu } from '@mantine/core';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useBulkAction, useUpdateQuestionnaire, type Question, type Questionnaire } from './api';

/** Many at once over the questions shown (accept fresh suggestions, approve reviewed answers), and sending to the customer. */
export function WorkspaceMoreMenu({
  questionnaire: data,
  items,
  canApprove,
}: {
  questionnaire: Questionnaire;
  items: Question[];
  canApprove: boolean;
}) {
  const bulk = useBulkAction(data.id);
  const update = useUpdateQuestionnaire(data.id);
  const visibleSuggested = items.filter((x) => x.status === 'suggested' && x.suggestion && !x.suggestion.stale).map((x) => x.id);
  const visibleReviewed = items.filter((x) => x.status === 'reviewed').map((x) => x.id);
  const runBulk = (a: 'accept' | 'approve', ids: string[]) =>
    bulk.mutate(
      { action: a, questionIds: ids.slice(0, 500) },
      {
        onSuccess: (r) =>
          notifySuccess(
            `${r.done} question${r.done === 1 ? '' : 's'} ${a === 'accept' ? 'accepted' : 'approved'}${r.refused.length ? `; ${r.refused.length} refused` : ''}.`,
          ),
        onError: (e) => notifyError(e),
      },
    );
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default">More</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item disabled={!visibleSuggested.length} onClick={() => runBulk('accept', visibleSuggested)}>
          Accept the {visibleSuggested.length} fresh suggestions shown
        </Menu.Item>
        <Menu.Item disabled={!visibleReviewed.length || !canApprove} onClick={() => runBulk('approve', visibleReviewed)}>
          Approve the {visibleReviewed.length} reviewed answers shown
        </Menu.Item>
        <Menu.Divider />
        {data.status === 'submitted' ? (
          <Menu.Item onClick={() => update.mutate({ status: 'in_progress' }, { onError: (e) => notifyError(e) })}>
            Reopen for answers
          </Menu.Item>
        ) : (
          <Menu.Item onClick={() => update.mutate({ status: 'submitted' }, { onError: (e) => notifyError(e) })}>
            Mark as sent to the customer
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
