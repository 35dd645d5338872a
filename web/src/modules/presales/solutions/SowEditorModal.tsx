import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { notifySuccess } from '../../../ui/server-errors';
import { ApiError } from '../../../lib/api-client';
import { formatAmount, useRateCard, useSaveSow, type RateCardRole, type StatementOfWork } from './api';

interface ItemRow {
  key: string;
  id?: string;
  description: string;
  roleId: string | null;
  hours: number | string;
  /** The rate the item was priced at, kept while its role stays the same. */
  copiedRate?: number;
  copiedRoleId?: string | null;
}

let keys = 0;
const newRow = (): ItemRow => ({ key: `new-${++keys}`, description: '', roleId: null, hours: '' });

interface Props {
  opened: boolean;
  onClose: () => void;
  opportunityId: string;
  /** The draft to edit; absent for a new SOW. */
  sow?: StatementOfWork;
}

/**
 * Writing a statement of work: scope items priced from the rate card with the totals as they are
 * typed, assumptions and what is out of scope. An item keeps the rate it was priced at while its
 * role stays the same; a new item or role takes the card's rate now.
 */
export function SowEditorModal(props: Props) {
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.sow ? 'Edit statement of work' : 'New statement of work'}
      size="min(1000px, 96vw)"
      fullScreen={phone}
      centered
    >
      {props.opened && <SowEditor {...props} />}
    </Modal>
  );
}

function SowEditor({ opportunityId, sow, onClose }: Props) {
  const card = useRateCard(true);
  const save = useSaveSow(opportunityId);
  const [title, setTitle] = useState(sow?.title ?? '');
  const [summary, setSummary] = useState(sow?.summary ?? '');
  const [assumptions, setAssumptions] = useState(sow?.assumptions ?? '');
  const [outOfScope, setOutOfScope] = useState(sow?.outOfScope ?? '');
  const [rows, setRows] = useState<ItemRow[]>(
    sow?.items.map((i) => ({
      key: i.id,
      id: i.id,
      description: i.description,
      roleId: i.roleId,
      hours: i.hours,
      copiedRate: i.hourlyRate,
      copiedRoleId: i.roleId,
    })) ?? [newRow()],
  );
  const roles = card.data ?? [];
  const roleById = new Map(roles.map((r) => [r.id, r]));
  const rateOf = (row: ItemRow) =>
    row.copiedRate !== undefined && row.copiedRoleId === row.roleId ? row.copiedRate : (roleById.get(row.roleId ?? '')?.hourlyRate ?? 0);
  const hoursOf = (row: ItemRow) => (typeof row.hours === 'number' ? row.hours : Number(row.hours) || 0);
  const firstRole = roleById.get(rows.find((r) => r.roleId)?.roleId ?? '');
  const currency = sow?.currency ?? firstRole?.currency ?? 'USD';
  const totalHours = rows.reduce((sum, r) => sum + hoursOf(r), 0);
  const totalAmount = rows.reduce((sum, r) => sum + Math.round(hoursOf(r) * rateOf(r) * 100) / 100, 0);
  const update = (key: string, change: Partial<ItemRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const roleOptions = (row: ItemRow) =>
    roles
      .filter((r: RateCardRole) => r.active || r.id === row.roleId)
      .map((r) => ({ value: r.id, label: `${r.name} · ${formatAmount(r.hourlyRate, r.currency)}/h${r.active ? '' : ' (inactive)'}` }));
  const itemError = (index: number, field: string) => {
    const error = save.error;
    if (!(error instanceof ApiError)) return undefined;
    if (error.details.field === `items.${index}.${field}`) return error.message;
    return error.issues.find((i) => i.path === `items.${index}.${field}`)?.message;
  };

  const submit = () => {
    const items = rows
      .filter((r) => r.description.trim() || r.roleId || hoursOf(r))
      .map((r) => ({ ...(r.id ? { id: r.id } : {}), description: r.description, roleId: r.roleId ?? '', hours: hoursOf(r) }));
    save.mutate(
      { id: sow?.id, title, summary, assumptions, outOfScope, items },
      {
        onSuccess: () => {
          notifySuccess(sow ? 'Statement of work saved' : 'Statement of work drafted');
          onClose();
        },
      },
    );
  };

  return (
    <Stack>
      <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
      <Textarea
        label="Summary"
        description="What the work achieves, in a paragraph or two"
        autosize
        minRows={2}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
      />
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            Scope
          </Text>
          <Text size="sm" aria-label="Totals">
            {totalHours} h · <b>{formatAmount(totalAmount, currency)}</b>
          </Text>
        </Group>
        {card.isSuccess && roles.length === 0 && (
          <Alert color="yellow">The rate card has no roles yet: a rate-card manager adds them under Admin → Rate card.</Alert>
        )}
        {rows.map((row, index) => (
          <Card key={row.key} withBorder padding="xs" role="group" aria-label={`Scope item ${index + 1}`}>
            <Grid gap="xs" align="flex-end">
              <Grid.Col span={{ base: 12, sm: 5 }}>
                <TextInput
                  label={`Item ${index + 1}`}
                  placeholder="Work to deliver"
                  value={row.description}
                  error={itemError(index, 'description')}
                  onChange={(e) => update(row.key, { description: e.currentTarget.value })}
                  maxLength={2000}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select
                  label="Role"
                  placeholder="From the rate card"
                  data={roleOptions(row)}
                  value={row.roleId}
                  error={itemError(index, 'roleId')}
                  onChange={(v) => update(row.key, { roleId: v })}
                  searchable
                />
              </Grid.Col>
              <Grid.Col span={{ base: 9, sm: 2 }}>
                <NumberInput
                  label="Hours"
                  min={0}
                  decimalScale={2}
                  value={row.hours}
                  error={itemError(index, 'hours')}
                  onChange={(v) => update(row.key, { hours: v })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 3, sm: 1 }}>
                <Group justify="flex-end" gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove item ${index + 1}`}
                    onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                    mb={4}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Grid.Col>
            </Grid>
            {row.roleId && (
              <Text size="xs" c="dimmed" mt={4}>
                {formatAmount(rateOf(row), roleById.get(row.roleId)?.currency ?? currency)}/h × {hoursOf(row)} h ={' '}
                {formatAmount(Math.round(hoursOf(row) * rateOf(row) * 100) / 100, roleById.get(row.roleId)?.currency ?? currency)}
                {row.copiedRoleId === row.roleId && row.copiedRate !== roleById.get(row.roleId)?.hourlyRate
                  ? ' (rate as priced; the card has changed)'
                  : ''}
              </Text>
            )}
          </Card>
        ))}
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRows((all) => [...all, newRow()])}>
            Add item
          </Button>
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label="Assumptions"
          description="One per line; start a line with “- ” for a bullet"
          autosize
          minRows={3}
          value={assumptions}
          onChange={(e) => setAssumptions(e.currentTarget.value)}
        />
        <Textarea label="Out of scope" autosize minRows={3} value={outOfScope} onChange={(e) => setOutOfScope(e.currentTarget.value)} />
      </SimpleGrid>
      {save.isError && (
        <Alert color="red" title="Not saved">
          {save.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit} loading={save.isPending} disabled={!title.trim()}>
          Save draft
        </Button>
      </Group>
    </Stack>
  );
}
