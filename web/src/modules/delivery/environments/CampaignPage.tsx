import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Modal,
  MultiSelect,
  RingProgress,
  ScrollArea,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { SEGMENT_LABELS, SEGMENTS, type Segment } from '../../accounts/labels';
import {
  HOSTING_KINDS,
  HOSTING_LABELS,
  STATE_COLORS,
  STATE_LABELS,
  TRANSITIONS,
  UPGRADE_STATES,
  useCampaign,
  useCampaignMutations,
  type Campaign,
  type CampaignEntry,
  type Hosting,
  type UpgradeState,
} from './api';
import { CAMPAIGN_STATUS_COLORS } from './CampaignsPage';
import { BehindBadge, CampaignProgressBar } from './parts';

/** The campaign board: a column per upgrade state, a card per environment you move with its menu. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  if (campaign.isPending) return <Skeleton height={400} />;
  if (campaign.isError) {
    if (campaign.error instanceof ApiError && campaign.error.status === 404) return <NotFoundPage />;
    return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  return <Board campaign={campaign.data} />;
}

function Board({ campaign }: { campaign: Campaign }) {
  const { can } = useAuth();
  const mutations = useCampaignMutations(campaign.id);
  const writable = can('environments.write') && campaign.status === 'active';
  const [moving, setMoving] = useState<{ entry: CampaignEntry; to: UpgradeState } | null>(null);
  const [adding, setAdding] = useState(false);
  const [addingWindow, setAddingWindow] = useState(false);
  const { progress } = campaign;

  return (
    <Stack gap="lg">
      <PageHeader
        title={campaign.name}
        description={
          <>
            {campaign.product} → {campaign.targetVersion} · owner {campaign.owner?.name ?? '—'} ·{' '}
            <Badge size="sm" color={CAMPAIGN_STATUS_COLORS[campaign.status]} variant="light">
              {campaign.status}
            </Badge>
          </>
        }
        actions={
          can('environments.write') && (
            <>
              {campaign.status === 'active' && (
                <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                  Add environments
                </Button>
              )}
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default">Campaign</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {campaign.status !== 'completed' && (
                    <Menu.Item onClick={() => mutations.update.mutate({ status: 'completed' }, { onError: (e) => notifyError(e) })}>
                      Mark completed
                    </Menu.Item>
                  )}
                  {campaign.status !== 'cancelled' && (
                    <Menu.Item onClick={() => mutations.update.mutate({ status: 'cancelled' }, { onError: (e) => notifyError(e) })}>
                      Cancel campaign
                    </Menu.Item>
                  )}
                  {campaign.status !== 'active' && (
                    <Menu.Item onClick={() => mutations.update.mutate({ status: 'active' }, { onError: (e) => notifyError(e) })}>
                      Reopen
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            </>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card>
          <Group wrap="nowrap">
            <RingProgress
              size={96}
              thickness={10}
              roundCaps
              sections={UPGRADE_STATES.filter((s) => progress.byState[s] > 0).map((s) => ({
                value: progress.total ? (progress.byState[s] * 100) / progress.total : 0,
                color: STATE_COLORS[s],
                tooltip: `${STATE_LABELS[s]}: ${progress.byState[s]}`,
              }))}
              label={
                <Text ta="center" fw={700} size="lg">
                  {progress.percentDone}%
                </Text>
              }
            />
            <Stack gap={2}>
              {UPGRADE_STATES.map((s) => (
                <Text key={s} size="sm" data-testid={`count-${s}`}>
                  <Badge color={STATE_COLORS[s]} size="xs" variant="filled" mr={6} circle>
                    {' '}
                  </Badge>
                  {STATE_LABELS[s]}: <b>{progress.byState[s]}</b>
                </Text>
              ))}
            </Stack>
          </Group>
        </Card>
        <Card style={{ gridColumn: 'span 2' }}>
          <Group justify="space-between" mb="xs">
            <Text fw={600}>Maintenance windows</Text>
            {writable && (
              <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setAddingWindow(true)}>
                Add window
              </Button>
            )}
          </Group>
          {campaign.windows.length === 0 ? (
            <Text size="sm" c="dimmed">
              No windows planned.
            </Text>
          ) : (
            <Stack gap={4}>
              {campaign.windows.map((w) => {
                const now = new Date();
                const state = new Date(w.endsAt) < now ? 'past' : new Date(w.startsAt) <= now ? 'open now' : 'upcoming';
                return (
                  <Group key={w.id} gap="xs">
                    <Badge size="sm" variant="light" color={state === 'open now' ? 'green' : state === 'past' ? 'gray' : 'blue'}>
                      {state}
                    </Badge>
                    <Text size="sm">
                      {formatDateTime(w.startsAt)} – {formatDateTime(w.endsAt)}
                    </Text>
                    {w.note && (
                      <Text size="sm" c="dimmed">
                        {w.note}
                      </Text>
                    )}
                  </Group>
                );
              })}
            </Stack>
          )}
          <CampaignProgressBar progress={progress} />
        </Card>
      </SimpleGrid>

      <ScrollArea>
        <Group align="flex-start" wrap="nowrap" gap="md">
          {UPGRADE_STATES.map((state) => {
            const cards = campaign.entries.filter((e) => e.state === state);
            return (
              <Card
                key={state}
                w={290}
                miw={290}
                bg="var(--mantine-color-gray-0)"
                p="sm"
                data-testid={`column-${state}`}
                aria-label={STATE_LABELS[state]}
                component="section"
              >
                <Group justify="space-between" mb="sm">
                  <Text fw={700} c={STATE_COLORS[state]}>
                    {STATE_LABELS[state]}
                  </Text>
                  <Badge color={STATE_COLORS[state]} variant="light">
                    {cards.length}
                  </Badge>
                </Group>
                <Stack gap="sm">
                  {cards.map((entry) => (
                    <EntryCard
                      key={entry.environment.id}
                      entry={entry}
                      target={campaign.targetVersion}
                      writable={writable}
                      onMove={(to) => setMoving({ entry, to })}
                    />
                  ))}
                </Stack>
              </Card>
            );
          })}
        </Group>
      </ScrollArea>

      <Modal
        opened={moving !== null}
        onClose={() => setMoving(null)}
        title={
          moving
            ? `${moving.to === moving.entry.state ? 'Add a note to' : `Move to ${STATE_LABELS[moving.to]}:`} ${moving.entry.environment.account.name} ${moving.entry.environment.name}`
            : ''
        }
        centered
      >
        {moving && <MoveForm campaignId={campaign.id} entry={moving.entry} to={moving.to} onClose={() => setMoving(null)} />}
      </Modal>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add environments" centered size="lg">
        {adding && <AddEnvironmentsForm campaignId={campaign.id} onClose={() => setAdding(false)} />}
      </Modal>
      <Modal opened={addingWindow} onClose={() => setAddingWindow(false)} title="Add maintenance window" centered>
        {addingWindow && <WindowForm campaign={campaign} onClose={() => setAddingWindow(false)} />}
      </Modal>
    </Stack>
  );
}

function EntryCard({
  entry,
  target,
  writable,
  onMove,
}: {
  entry: CampaignEntry;
  target: string;
  writable: boolean;
  onMove: (to: UpgradeState) => void;
}) {
  const env = entry.environment;
  const label = `${env.account.name} ${env.name}`;
  return (
    <Card withBorder padding="sm" component="article" data-testid="upgrade-card" aria-label={label}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Anchor component={Link} to={`/environments/${env.id}`} size="sm" fw={600}>
            {env.account.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {env.name} · {HOSTING_LABELS[env.hosting]}
          </Text>
        </div>
        {writable && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="compact-xs" variant="subtle" color="gray" aria-label={`Move ${label}`} rightSection={<IconDots size={14} />}>
                Move
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Move to</Menu.Label>
              {TRANSITIONS[entry.state].map((to) => (
                <Menu.Item key={to} onClick={() => onMove(to)} color={STATE_COLORS[to]}>
                  {STATE_LABELS[to]}
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Item onClick={() => onMove(entry.state)}>Add a note</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Group gap={6} mt={6}>
        <Text size="xs">{entry.state === 'done' ? `${entry.fromVersion} → ${env.version}` : `${env.version} → ${target}`}</Text>
        <BehindBadge behind={env.versionsBehind} latest={env.latestVersion} />
      </Group>
      {entry.note && (
        <Text size="xs" mt={6} c="dark.4" fs="italic">
          “{entry.note}”
        </Text>
      )}
      {entry.ticket && (
        <Anchor component={Link} to={`/tickets/${entry.ticket.id}`} size="xs" c="red" mt={4} display="block">
          Ticket #{entry.ticket.number} · {entry.ticket.status}
        </Anchor>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {entry.updatedBy ? `${entry.updatedBy.name} · ` : ''}
        {formatDateTime(entry.updatedAt)}
      </Text>
    </Card>
  );
}

function MoveForm({ campaignId, entry, to, onClose }: { campaignId: string; entry: CampaignEntry; to: UpgradeState; onClose: () => void }) {
  const { state } = useCampaignMutations(campaignId);
  const [note, setNote] = useState('');
  const noteOnly = to === entry.state;
  return (
    <Stack>
      {to === 'failed' && (
        <Text size="sm" c="red">
          A support ticket linked to this environment will be opened for the account.
        </Text>
      )}
      {to === 'done' && <Text size="sm">The environment will be recorded on the target version, upgraded today.</Text>}
      <Textarea
        label="Note"
        placeholder={to === 'failed' ? 'What went wrong' : 'What happened'}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          color={STATE_COLORS[to]}
          loading={state.isPending}
          disabled={noteOnly && !note.trim()}
          onClick={() =>
            state.mutate(
              { deploymentId: entry.environment.id, state: to, note: note.trim() || null },
              {
                onSuccess: () => {
                  notifySuccess(
                    noteOnly ? 'Note added' : `${entry.environment.account.name} ${entry.environment.name}: ${STATE_LABELS[to]}`,
                  );
                  onClose();
                },
                onError: (e) => notifyError(e),
              },
            )
          }
        >
          {noteOnly ? 'Add note' : `Mark ${STATE_LABELS[to].toLowerCase()}`}
        </Button>
      </Group>
    </Stack>
  );
}

function AddEnvironmentsForm({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const { add } = useCampaignMutations(campaignId);
  const [segments, setSegments] = useState<Segment[]>([]);
  const [hosting, setHosting] = useState<Hosting[]>([]);
  const [names, setNames] = useState<string[]>([]);
  const [belowTarget, setBelowTarget] = useState(true);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Environments of the campaign’s product that match are added as scheduled; those already in it stay as they are.
      </Text>
      <MultiSelect
        label="Account segment"
        placeholder="Any"
        data={SEGMENTS.map((s) => ({ value: s, label: SEGMENT_LABELS[s] }))}
        value={segments}
        onChange={(v) => setSegments(v as Segment[])}
      />
      <MultiSelect
        label="Hosting"
        placeholder="Any"
        data={HOSTING_KINDS.map((h) => ({ value: h, label: HOSTING_LABELS[h] }))}
        value={hosting}
        onChange={(v) => setHosting(v as Hosting[])}
      />
      <TagsInput label="Environment names" placeholder="staging (Enter)" value={names} onChange={setNames} />
      <Switch
        label="Only environments older than the target"
        checked={belowTarget}
        onChange={(e) => setBelowTarget(e.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          loading={add.isPending}
          onClick={() =>
            add.mutate(
              {
                filters: {
                  belowTarget,
                  ...(segments.length ? { segments } : {}),
                  ...(hosting.length ? { hosting } : {}),
                  ...(names.length ? { names } : {}),
                },
              },
              {
                onSuccess: (c) => {
                  notifySuccess(c.added === 0 ? 'No new environments matched' : `Added ${c.added} environment${c.added === 1 ? '' : 's'}`);
                  onClose();
                },
                onError: (e) => notifyError(e),
              },
            )
          }
        >
          Add matching environments
        </Button>
      </Group>
    </Stack>
  );
}

function WindowForm({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { windows } = useCampaignMutations(campaign.id);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [note, setNote] = useState('');
  const backwards = startsAt && endsAt && new Date(endsAt) <= new Date(startsAt);
  return (
    <Stack>
      <TextInput type="datetime-local" label="Starts" value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} />
      <TextInput
        type="datetime-local"
        label="Ends"
        value={endsAt}
        onChange={(e) => setEndsAt(e.currentTarget.value)}
        error={backwards ? 'A maintenance window must end after it starts' : null}
      />
      <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          disabled={!startsAt || !endsAt || !!backwards}
          loading={windows.isPending}
          onClick={() =>
            windows.mutate(
              [
                ...campaign.windows.map((w) => ({ startsAt: w.startsAt, endsAt: w.endsAt, note: w.note })),
                { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString(), note: note.trim() || null },
              ],
              {
                onSuccess: () => onClose(),
                onError: (e) => notifyError(e),
              },
            )
          }
        >
          Add window
        </Button>
      </Group>
    </Stack>
  );
}
