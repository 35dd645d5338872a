import { Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import type { Ticket } from '../../../support/api';
import { useTickets } from '../../../support/api';
import { useSuggestedRunbooks } from '../../../support/workbench-api';
import { HomeRow, HomeSection } from '../HomeSection';

const TICKETS = 4;

/** The scripts to follow on the cases due first: each ticket's best-matching runbook. */
export function RunbooksSection() {
  const mine = useTickets({ view: 'view-mine', limit: TICKETS });
  // With nothing assigned yet, the runbooks of the cases waiting to be picked up.
  const unassigned = useTickets({ view: 'view-tier1-unassigned', limit: TICKETS }, mine.data?.items.length === 0);
  const source = mine.data?.items.length ? mine : unassigned;
  const tickets = source.data?.items ?? [];
  return (
    <HomeSection
      title="Runbooks to follow"
      count={tickets.length}
      seeAll="/tickets?view=view-mine"
      loading={mine.isPending || (mine.data?.items.length === 0 && unassigned.isPending)}
      error={mine.error ?? unassigned.error}
      onRetry={() => void mine.refetch()}
      empty={
        tickets.length === 0
          ? {
              icon: <IconListCheck size={18} />,
              title: 'No cases waiting for a runbook',
              description: 'When a case in your queue matches a runbook’s tags or keywords, its steps show here.',
            }
          : null
      }
    >
      {tickets.map((t) => (
        <TicketRunbook key={t.id} ticket={t} />
      ))}
    </HomeSection>
  );
}

function TicketRunbook({ ticket }: { ticket: Ticket }) {
  const suggested = useSuggestedRunbooks(ticket.id);
  const best = suggested.data?.[0]?.runbook;
  return (
    <HomeRow
      to={`/tickets/${ticket.id}`}
      name={`#${ticket.number} ${ticket.subject}`}
      detail={
        suggested.isPending ? (
          'Finding a runbook…'
        ) : best ? (
          <>
            Follow “{best.title}” · {best.steps.length} steps
          </>
        ) : (
          <Text span size="xs" c="dimmed">
            No runbook matches: work it by hand, then write one up
          </Text>
        )
      }
    />
  );
}
