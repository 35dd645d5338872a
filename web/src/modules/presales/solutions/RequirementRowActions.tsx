import { ActionIcon } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { notifyError } from '../../../ui/server-errors';
import { useDeleteRequirement, type Requirement } from './api';

/** Edit and delete, at the end of a requirement's row. */
export function RequirementRowActions({
  requirement: r,
  opportunityId,
  onEdit,
}: {
  requirement: Requirement;
  opportunityId: string;
  onEdit: () => void;
}) {
  const remove = useDeleteRequirement(opportunityId);
  return (
    <>
      <ActionIcon variant="subtle" aria-label={`Edit ${r.reference ?? 'the requirement'}`} onClick={onEdit}>
        <IconPencil size={16} />
      </ActionIcon>
      <ConfirmButton
        size="compact-xs"
        variant="subtle"
        color="red"
        aria-label={`Delete ${r.reference ?? 'the requirement'}`}
        title={`Delete ${r.reference ?? 'this requirement'}?`}
        message={
          r.feedbackItemId
            ? 'The requirement and its design links are deleted. The feedback item captured for its gap stays in the insights inbox.'
            : 'The requirement and its design links are deleted.'
        }
        confirmLabel="Delete requirement"
        onConfirm={() => remove.mutateAsync(r.id).catch((e: unknown) => notifyError(e))}
      >
        <IconTrash size={16} />
      </ConfirmButton>
    </>
  );
}
