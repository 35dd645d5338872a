import { useContacts } from '../../accounts/api';
import { CUSTOMER_ROLE_LABELS } from '../../accounts/labels';
import { useMemberOptions } from '../../team/api';
import type { TaskOwner } from './api';

/** A task's owner as one select value: `member:<id>` or `contact:<id>`. */
export const ownerValue = (owner: Pick<TaskOwner, 'type' | 'id'> | null) => (owner ? `${owner.type}:${owner.id}` : null);

export function ownerFromValue(value: string | null): { type: 'member' | 'contact'; id: string } | null {
  if (!value) return null;
  const [type, id] = value.split(':');
  return (type === 'member' || type === 'contact') && id ? { type, id } : null;
}

/** Our members and the account's contacts, grouped, for a task owner picker. */
export function useTaskOwnerOptions(accountId: string) {
  const members = useMemberOptions();
  const contacts = useContacts(accountId);
  return [
    { group: 'Our team', items: members.options.map((m) => ({ value: `member:${m.value}`, label: m.label })) },
    {
      group: 'Customer',
      items: (contacts.data ?? []).map((c) => ({
        value: `contact:${c.id}`,
        label: c.customerRole ? `${c.name} (${CUSTOMER_ROLE_LABELS[c.customerRole]})` : c.name,
      })),
    },
  ];
}
