import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { STAGE_LABELS } from '../../../../../src/modules/presales/contract/opportunities';
import { useAccountOpportunities } from './api';

interface Props {
  /** Whose deals are offered; none until an account is chosen. */
  accountId: string | null;
  value?: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  /** The linked deal's name, shown while the list loads. */
  initialLabel?: string;
}

/** Picks one of an account's deals (open ones first), or none. */
export function OpportunitySelect({ accountId, value, onChange, error, description, initialLabel }: Props) {
  const deals = useAccountOpportunities(accountId);
  const items = deals.data ?? [];
  const option = (d: (typeof items)[number]) => ({ value: d.id, label: `${d.name} · ${STAGE_LABELS[d.stage]}` });
  const open = items.filter((d) => d.open).map(option);
  const closed = items.filter((d) => !d.open).map(option);
  const data = [
    ...(open.length ? [{ group: 'Open deals', items: open }] : []),
    ...(closed.length ? [{ group: 'Closed deals', items: closed }] : []),
  ];
  if (value && initialLabel && !items.some((d) => d.id === value))
    data.unshift({ group: 'Linked', items: [{ value, label: initialLabel }] });
  return (
    <Select
      label="Opportunity"
      placeholder={
        accountId ? (items.length || deals.isPending ? 'None linked' : 'The account has no opportunities') : 'Choose the account first'
      }
      description={description}
      searchable
      clearable
      disabled={!accountId}
      nothingFoundMessage="No such opportunity on this account"
      data={data}
      value={value ?? null}
      onChange={onChange}
      error={error}
    />
  );
}
