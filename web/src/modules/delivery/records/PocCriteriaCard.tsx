import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Divider,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconBulb, IconListCheck, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useEngagement } from '../engagements/api';
import {
  useDeleteCriterion,
  usePoc,
  useSetVerdict,
  useUpdateCriterion,
  type Criterion,
  type CriterionStatus,
  type Poc,
  type PocVerdict,
} from './api';
import { CriterionFormModal } from './CriterionFormModal';
import { CRITERION_COLORS, CRITERION_LABELS } from './labels';
import { CaptureFeedbackButton } from '../../feedback/items/CaptureFeedback';
import { technicalWinColor, technicalWinLabel } from '../../presales/pocs/labels';

const STATUS_DATA = (['pending', 'pass', 'fail'] as const).map((s) => ({ value: s, label: CRITERION_LABELS[s] }));

/** A proof of concept's success criteria, the verdict they suggest and the verdict the engineer records. */
export function PocCriteriaCard({ engagementId }: { engagementId: string }) {
  const { can } = useAuth();
  const canWrite = can('delivery.write');
  const engagement = useEngagement(engagementId);
  const poc = usePoc(engagementId);
  const update = useUpdateCriterion(engagementId);
  const remove = useDeleteCriterion(engagementId);
  const setVerdict = useSetVerdict(engagementId);
  const [editing, setEditing] = useState<Criterion | 'new' | null>(null);

  const setStatus = (criterion: Criterion, status: CriterionStatus) =>
    update.mutate({ id: criterion.id, status }, { onError: (e) => notifyError(e) });

  return (
    <Card component="section" aria-label="Success criteria">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Success criteria</Title>
        {canWrite && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Add criterion
          </Button>
        )}
      </Group>
      {poc.isPending && <Skeleton height={120} />}
      {poc.isError && <QueryError error={poc.error} onRetry={() => void poc.refetch()} />}
      {poc.isSuccess && (
        <Stack gap="sm">
          <Group gap={6} wrap="wrap" aria-label="Opportunity">
            <Text size="xs" c="dimmed">
              Opportunity:
            </Text>
            {poc.data.opportunity ? (
              <>
                <Anchor component={Link} to={`/presales/opportunities/${poc.data.opportunity.id}`} size="xs" fw={600}>
                  {poc.data.opportunity.name}
                </Anchor>
                <Badge
                  size="xs"
                  variant="light"
                  color={technicalWinColor(poc.data.opportunity.technicalWin)}
                  aria-label={`Technical win: ${technicalWinLabel(poc.data.opportunity.technicalWin)}`}
                >
                  Technical win: {technicalWinLabel(poc.data.opportunity.technicalWin)}
                </Badge>
              </>
            ) : (
              <Text size="xs" c="dimmed">
                none linked{canWrite ? ' (link one by editing the engagement)' : ''}
              </Text>
            )}
          </Group>
          {poc.data.criteria.length === 0 ? (
            <EmptyState
              icon={<IconListCheck size={18} />}
              title="No criteria yet"
              description="Agree with the customer what the proof of concept must show, one criterion each."
            />
          ) : (
            <Stack gap="xs" role="list" aria-label="Criteria">
              {poc.data.criteria.map((criterion) => (
                <Card key={criterion.id} withBorder padding="xs" role="listitem" aria-label={criterion.statement}>
                  <Stack gap={6}>
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {criterion.statement}
                      </Text>
                      {canWrite && (
                        <Group gap={0} wrap="nowrap">
                          <CaptureFeedbackButton
                            placement="icon"
                            sourceType="poc_criterion"
                            sourceId={criterion.id}
                            accountId={engagement.data?.account.id}
                            contacts={criterion.owner?.type === 'contact' ? [criterion.owner] : undefined}
                            defaultTitle={criterion.statement}
                            defaultQuote={criterion.evidence ?? undefined}
                          />
                          <Tooltip label="Edit">
                            <ActionIcon
                              size="sm"
                              variant="subtle"
                              color="gray"
                              aria-label={`Edit ${criterion.statement}`}
                              onClick={() => setEditing(criterion)}
                            >
                              <IconPencil size={14} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Remove">
                            <ActionIcon
                              size="sm"
                              variant="subtle"
                              color="gray"
                              aria-label={`Remove ${criterion.statement}`}
                              onClick={() => remove.mutate(criterion.id, { onError: (e) => notifyError(e) })}
                            >
                              <IconTrash size={14} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      )}
                    </Group>
                    {criterion.owner && (
                      <Text size="xs" c="dimmed">
                        Owner: {criterion.owner.name}
                        {criterion.owner.type === 'contact' ? ' (customer)' : ''}
                      </Text>
                    )}
                    {(criterion.evidence || criterion.evidenceUrl) && (
                      <Text size="xs">
                        {criterion.evidence}
                        {criterion.evidenceUrl && (
                          <>
                            {criterion.evidence ? ' · ' : ''}
                            <Anchor href={criterion.evidenceUrl} target="_blank" rel="noreferrer" size="xs">
                              evidence link
                            </Anchor>
                          </>
                        )}
                      </Text>
                    )}
                    {canWrite ? (
                      <SegmentedControl
                        size="xs"
                        aria-label={`Status of ${criterion.statement}`}
                        data={STATUS_DATA}
                        value={criterion.status}
                        color={CRITERION_COLORS[criterion.status]}
                        onChange={(v) => setStatus(criterion, v as CriterionStatus)}
                      />
                    ) : (
                      <Badge size="sm" color={CRITERION_COLORS[criterion.status]} variant="light">
                        {CRITERION_LABELS[criterion.status]}
                      </Badge>
                    )}
                  </Stack>
                </Card>
              ))}
            </Stack>
          )}
          <Divider />
          <VerdictControl
            key={`${poc.data.verdict}:${poc.data.verdictNote ?? ''}`}
            poc={poc.data}
            canWrite={canWrite}
            setVerdict={setVerdict}
          />
        </Stack>
      )}
      {engagement.isSuccess && (
        <CriterionFormModal
          engagementId={engagementId}
          accountId={engagement.data.account.id}
          criterion={editing === 'new' ? undefined : (editing ?? undefined)}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

function VerdictControl({
  poc,
  canWrite,
  setVerdict,
}: {
  poc: Poc;
  canWrite: boolean;
  /** Held by the card: this control remounts when the saved verdict changes, and a mutation's callbacks die with their component. */
  setVerdict: ReturnType<typeof useSetVerdict>;
}) {
  const client = useQueryClient();
  const [verdict, setLocal] = useState<PocVerdict>(poc.verdict);
  const [note, setNote] = useState(poc.verdictNote ?? '');
  const changed = verdict !== poc.verdict || (note.trim() || null) !== poc.verdictNote;
  const { pass, fail, pending } = poc.counts;
  return (
    <Stack gap={6} role="group" aria-label="Verdict">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          Verdict
        </Text>
        <Badge color={CRITERION_COLORS[poc.verdict]} variant="filled" aria-label={`Recorded verdict: ${CRITERION_LABELS[poc.verdict]}`}>
          {CRITERION_LABELS[poc.verdict]}
        </Badge>
      </Group>
      <Group gap={4}>
        <IconBulb size={14} color="var(--mantine-color-yellow-6)" />
        <Text size="xs" c="dimmed">
          The criteria suggest <b>{CRITERION_LABELS[poc.suggestedVerdict]}</b> ({pass} pass, {fail} fail, {pending} pending).
        </Text>
        {canWrite && poc.suggestedVerdict !== verdict && (
          <Anchor component="button" type="button" size="xs" onClick={() => setLocal(poc.suggestedVerdict)}>
            Use suggestion
          </Anchor>
        )}
      </Group>
      {canWrite && poc.opportunity && (
        <Text size="xs" c="dimmed">
          A pass wins the deal’s technical win and a fail loses it, with the note as the reason (a closed deal keeps its own).
        </Text>
      )}
      {canWrite && (
        <>
          <SegmentedControl size="xs" aria-label="Verdict" data={STATUS_DATA} value={verdict} onChange={(v) => setLocal(v as PocVerdict)} />
          <Textarea
            aria-label="Verdict note"
            placeholder="Why, in a sentence the customer would sign"
            autosize
            minRows={1}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              size="xs"
              disabled={!changed}
              loading={setVerdict.isPending}
              onClick={() =>
                setVerdict.mutate(
                  { verdict, note: note.trim() || null },
                  {
                    onSuccess: (saved) => {
                      notifySuccess(
                        saved.opportunity && verdict !== 'pending'
                          ? `Verdict recorded; the technical win of “${saved.opportunity.name}” is now ${technicalWinLabel(saved.opportunity.technicalWin).toLowerCase()}.`
                          : 'Verdict recorded.',
                      );
                      // The deal's technical win follows the verdict: its screens read it afresh.
                      void client.invalidateQueries({ queryKey: ['presales'] });
                    },
                    onError: (e) => notifyError(e),
                  },
                )
              }
            >
              Record verdict
            </Button>
          </Group>
        </>
      )}
      {!canWrite && poc.verdictNote && <Text size="xs">{poc.verdictNote}</Text>}
    </Stack>
  );
}
