import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Switch, Text } from '@mantine/core';
import { useAuth } from '../../../lib/auth';
import { useAccounts } from '../../accounts/api';
import { useEngagements } from '../../delivery/engagements/api';
import { useOpportunities } from '../../presales/opportunities/api';
import { useTickets } from '../../support/api';
import { CATEGORY_HELP, CATEGORY_LABELS, TIME_CATEGORIES, type RowLinks, type TimeCategory, type TimesheetRow } from './api';

export interface NewRow {
  category: TimeCategory;
  billable: boolean;
  links: RowLinks;
  labels: TimesheetRow['labels'];
}

interface Props {
  opened: boolean;
  onClose: () => void;
  onAdd: (row: NewRow) => void;
}

const none = { ticketId: null, engagementId: null, taskId: null, accountId: null, opportunityId: null, interactionId: null };

/**
 * A new timesheet row: what kind of work, and optionally what it was for. The pickers read the
 * existing lists (accounts, their engagements, tickets and deals) and narrow to the chosen account.
 */
export function AddRowModal({ opened, onClose, onAdd }: Props) {
  const { can } = useAuth();
  const [category, setCategory] = useState<TimeCategory>('engineering');
  const [accountId, setAccountId] = useState<string | null>(null);
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const [ticketId, setTicketId] = useState<string | null>(null);
  const [opportunityId, setOpportunityId] = useState<string | null>(null);
  const [billable, setBillable] = useState<boolean | null>(null);
  const readsAccounts = opened && can('accounts.read');
  const accounts = useAccounts({ limit: 200 }, readsAccounts);
  const engagements = useEngagements({ accountId: accountId ?? undefined, limit: 100 }, readsAccounts);
  const opportunities = useOpportunities({ accountId: accountId ?? undefined, open: 'true', limit: 100 }, readsAccounts);
  const tickets = useTickets({ accountId: accountId ?? undefined, limit: 100 }, opened && Boolean(accountId) && can('tickets.read'));

  const accountOptions = (accounts.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  const engagementOptions = (engagements.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.account.name})` }));
  const opportunityOptions = (opportunities.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  const ticketOptions = (tickets.data?.items ?? []).map((t) => ({ value: t.id, label: `#${t.number} ${t.subject}` }));
  const labelOf = (options: { value: string; label: string }[], id: string | null) => options.find((o) => o.value === id)?.label;

  const reset = () => {
    setCategory('engineering');
    setAccountId(null);
    setEngagementId(null);
    setTicketId(null);
    setOpportunityId(null);
    setBillable(null);
  };

  const add = () => {
    const labels: TimesheetRow['labels'] = {};
    const pairs = [
      ['accountId', labelOf(accountOptions, accountId)],
      ['engagementId', engagements.data?.items.find((e) => e.id === engagementId)?.name],
      ['ticketId', labelOf(ticketOptions, ticketId)],
      ['opportunityId', labelOf(opportunityOptions, opportunityId)],
    ] as const;
    for (const [field, label] of pairs) if (label) labels[field] = label;
    onAdd({
      category,
      billable: billable ?? Boolean(engagementId),
      links: { ...none, accountId, engagementId, ticketId, opportunityId },
      labels,
    });
    reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add a row">
      <Stack>
        <Select
          label="Category"
          data={TIME_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
          value={category}
          onChange={(v) => v && setCategory(v as TimeCategory)}
          allowDeselect={false}
          description={CATEGORY_HELP[category]}
        />
        {readsAccounts && (
          <>
            <Select
              label="Account"
              placeholder="Any"
              data={accountOptions}
              value={accountId}
              onChange={(v) => {
                setAccountId(v);
                setEngagementId(null);
                setTicketId(null);
                setOpportunityId(null);
              }}
              searchable
              clearable
            />
            <Select
              label="Engagement"
              placeholder="None"
              data={engagementOptions}
              value={engagementId}
              onChange={setEngagementId}
              searchable
              clearable
            />
            {accountId && can('tickets.read') && (
              <Select label="Ticket" placeholder="None" data={ticketOptions} value={ticketId} onChange={setTicketId} searchable clearable />
            )}
            <Select
              label="Opportunity"
              placeholder="None"
              data={opportunityOptions}
              value={opportunityId}
              onChange={setOpportunityId}
              searchable
              clearable
            />
          </>
        )}
        <Switch label="Billable" checked={billable ?? Boolean(engagementId)} onChange={(e) => setBillable(e.currentTarget.checked)} />
        <Text size="xs" c="dimmed">
          The row appears in the grid; it is saved with the first time you type into it.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={add}>Add row</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
