import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Menu,
  Progress,
  Skeleton,
  Spoiler,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconDots, IconFileText, IconMapPin, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { Markdown } from '../../../ui/markdown';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useDeleteVisit, useFieldVisits, useTickChecklist, type FieldVisit } from './api';
import { FieldVisitFormModal, VisitReportModal } from './FieldVisitModals';

/** On-site visits at the account: planned ones with their checklist, completed ones with their report. */
export function AccountFieldVisitsCard({ accountId }: { accountId: string }) {
  const { can } = useAuth();
  const canWrite = can('delivery.write');
  const visits = useFieldVisits(accountId);
  const tickItems = useTickChecklist(accountId);
  const remove = useDeleteVisit(accountId);
  const [editing, setEditing] = useState<FieldVisit | 'new' | null>(null);
  const [reporting, setReporting] = useState<FieldVisit | null>(null);

  const tick = (visit: FieldVisit, index: number, done: boolean) =>
    tickItems.mutate(
      { id: visit.id, checklist: visit.checklist.map((item, i) => (i === index ? { ...item, done } : item)) },
      { onError: (e) => notifyError(e) },
    );

  return (
    <Card component="section" aria-label="Field visits">
      <Group justify="space-between" mb="md">
        <Title order={4}>Field visits</Title>
        {canWrite && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Plan visit
          </Button>
        )}
      </Group>
      {visits.isPending && <Skeleton height={100} />}
      {visits.isError && <QueryError error={visits.error} onRetry={() => void visits.refetch()} />}
      {visits.isSuccess && visits.data.items.length === 0 && (
        <EmptyState
          icon={<IconMapPin size={18} />}
          title="No field visits yet"
          description="Plan on-site installs, audits and workshops with a checklist, and write the report after."
        />
      )}
      {visits.isSuccess && visits.data.items.length > 0 && (
        <Stack gap="sm">
          {visits.data.items.map((visit) => {
            const done = visit.checklist.filter((i) => i.done).length;
            return (
              <Card key={visit.id} withBorder padding="sm" component="article" aria-label={`Visit: ${visit.purpose}`}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                    <Group gap="xs">
                      <Text fw={600} size="sm">
                        {visit.purpose}
                      </Text>
                      <Badge size="sm" variant="dot" color={visit.status === 'completed' ? 'teal' : 'blue'}>
                        {visit.status === 'completed' ? 'Completed' : 'Planned'}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {formatDate(visit.visitDate)} · {visit.siteAddress}
                      {visit.engineer ? ` · ${visit.engineer.name}` : ''}
                      {visit.engagement ? ` · ${visit.engagement.name}` : ''}
                    </Text>
                    {visit.checklist.length > 0 && (
                      <Stack gap={4} mt={4} aria-label="Checklist">
                        <Group gap="xs">
                          <Progress
                            value={(done / visit.checklist.length) * 100}
                            size="sm"
                            w={120}
                            color={done === visit.checklist.length ? 'teal' : 'blue'}
                          />
                          <Text size="xs" c="dimmed">
                            {done} of {visit.checklist.length} done
                          </Text>
                        </Group>
                        {visit.checklist.map((item, index) => (
                          <Checkbox
                            key={index}
                            size="xs"
                            label={item.label}
                            checked={item.done}
                            disabled={!canWrite}
                            onChange={(e) => tick(visit, index, e.currentTarget.checked)}
                          />
                        ))}
                      </Stack>
                    )}
                    {visit.report && (
                      <Spoiler maxHeight={90} showLabel="Show full report" hideLabel="Hide" mt={4}>
                        <Markdown source={visit.report} />
                      </Spoiler>
                    )}
                  </Stack>
                  {canWrite && (
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="light"
                        leftSection={<IconFileText size={12} />}
                        onClick={() => setReporting(visit)}
                      >
                        {visit.status === 'planned' ? 'Report & complete' : 'Edit report'}
                      </Button>
                      {visit.status === 'planned' && (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <Tooltip label="More">
                              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for visit ${visit.purpose}`}>
                                <IconDots size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(visit)}>
                              Edit
                            </Menu.Item>
                            <Menu.Item
                              leftSection={<IconTrash size={14} />}
                              color="red"
                              onClick={() =>
                                remove.mutate(visit.id, {
                                  onSuccess: () => notifySuccess('Visit deleted.'),
                                  onError: (e) => notifyError(e),
                                })
                              }
                            >
                              Delete
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Group>
                  )}
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      <FieldVisitFormModal
        accountId={accountId}
        visit={editing === 'new' ? undefined : (editing ?? undefined)}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <VisitReportModal visit={reporting} onClose={() => setReporting(null)} />
    </Card>
  );
}
