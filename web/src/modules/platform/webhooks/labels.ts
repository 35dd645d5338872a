export const EVENT_LABELS: Record<string, string> = {
  '*': 'Every event, including ones added later',
  'ticket.created': 'A ticket is opened',
  'ticket.updated': 'A ticket’s status, priority, assignee or tags change',
  'ticket.replied': 'An agent replies to the requester',
  'ticket.customer_replied': 'The customer replies',
  'ticket.escalated': 'A ticket is escalated',
  'sla.breached': 'An SLA target is missed',
  'webhook.ping': 'Test events sent with “Send test”',
};

export const DELIVERY_COLORS = { pending: 'yellow', succeeded: 'green', failed: 'red' } as const;
export const DELIVERY_LABELS = { pending: 'Retrying', succeeded: 'Delivered', failed: 'Failed' } as const;
