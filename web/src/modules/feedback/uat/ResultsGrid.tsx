import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import type { UatRound } from './api';

/**
 * Cases down, invitees across: each cell is that contact's current result (comment on hover). It
 * scrolls sideways on a phone rather than squeezing names.
 */
export function ResultsGrid({ round }: { round: UatRound }) {
  if (round.cases.length === 0 || round.invitees.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={Math.max(360, 220 + round.invitees.length * 110)}>
      <Table striped withTableBorder aria-label="Results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Case</Table.Th>
            {round.invitees.map((i) => (
              <Table.Th key={i.contact.id} ta="center">
                {i.contact.name}
              </Table.Th>
            ))}
            <Table.Th ta="center">Pass / fail</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {round.cases.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Text size="sm">
                  {c.position}. {c.title}
                </Text>
              </Table.Td>
              {round.invitees.map((i) => {
                const result = c.results.find((r) => r.contact.id === i.contact.id);
                const issue = result?.engineeringIssue ? ` (${result.engineeringIssue.key})` : '';
                const label = result
                  ? `${i.contact.name}: ${result.outcome}${result.comment ? ` — ${result.comment}` : ''}${issue}`
                  : `${i.contact.name}: not tested yet`;
                return (
                  <Table.Td key={i.contact.id} ta="center" aria-label={label}>
                    <Tooltip label={label} multiline maw={320} withArrow>
                      <Group justify="center">
                        {!result ? (
                          <IconMinus size={16} color="var(--mantine-color-gray-5)" />
                        ) : result.outcome === 'pass' ? (
                          <IconCheck size={18} color="var(--mantine-color-teal-7)" />
                        ) : (
                          <IconX size={18} color="var(--mantine-color-red-7)" />
                        )}
                      </Group>
                    </Tooltip>
                  </Table.Td>
                );
              })}
              <Table.Td ta="center">
                <Group gap={4} justify="center" wrap="nowrap">
                  <Badge size="sm" variant="light" color="teal">
                    {c.counts.pass}
                  </Badge>
                  <Badge size="sm" variant="light" color={c.counts.fail ? 'red' : 'gray'}>
                    {c.counts.fail}
                  </Badge>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
