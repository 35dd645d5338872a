import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { daysUntil, formatDate } from '../../../ui/format';
import { QUESTIONNAIRE_KIND_LABELS, QUESTIONNAIRE_STATUS_LABELS, type QuestionnaireSummary } from './api';
import { StatusProgress } from './StatusProgress';

/** Due date, red once it has passed (unless the questionnaire went back to the customer). */
export function DueDate({ dueOn, done }: { dueOn: string | null; done?: boolean }) {
  if (!dueOn)
    return (
      <Text size="sm" c="dimmed">
        No due date
      </Text>
    );
  const days = daysUntil(dueOn);
  const color = done ? 'dimmed' : days < 0 ? 'red' : days <= 3 ? 'orange' : undefined;
  return (
    <Text size="sm" c={color} style={{ whiteSpace: 'nowrap' }}>
      {formatDate(dueOn)}
      {!done && days < 0 ? ' · overdue' : ''}
    </Text>
  );
}

const STATUS_COLORS = { mapping: 'yellow', in_progress: 'blue', submitted: 'teal' } as const;

export function QuestionnaireStatusBadge({ q }: { q: Pick<QuestionnaireSummary, 'status'> }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[q.status]}>
      {q.status === 'mapping' ? 'Columns to map' : QUESTIONNAIRE_STATUS_LABELS[q.status]}
    </Badge>
  );
}

/** Questionnaires as a table on wide screens and as cards on a phone. */
export function QuestionnaireList({
  items,
  showAccount = true,
  onMap,
}: {
  items: QuestionnaireSummary[];
  showAccount?: boolean;
  /** Opens the column mapping of a questionnaire whose workbook is not imported yet. */
  onMap: (q: QuestionnaireSummary) => void;
}) {
  const title = (q: QuestionnaireSummary) =>
    q.status === 'mapping' ? (
      <Anchor component="button" type="button" fw={600} onClick={() => onMap(q)} ta="left">
        {q.title}
      </Anchor>
    ) : (
      <Anchor component={Link} to={`/presales/questionnaires/${q.id}`} fw={600}>
        {q.title}
      </Anchor>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={900} visibleFrom="sm">
        <Table highlightOnHover verticalSpacing="sm" aria-label="Questionnaires">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Questionnaire</Table.Th>
              {showAccount && <Table.Th>Account · deal</Table.Th>}
              <Table.Th>Status</Table.Th>
              <Table.Th w={240}>Progress</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Owner</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Td>
                  <Stack gap={2}>
                    {title(q)}
                    <Text size="xs" c="dimmed">
                      {QUESTIONNAIRE_KIND_LABELS[q.kind]} · {q.questionCount} questions
                    </Text>
                  </Stack>
                </Table.Td>
                {showAccount && (
                  <Table.Td>
                    <Stack gap={2}>
                      <Anchor component={Link} to={`/accounts/${q.account.id}`} size="sm">
                        {q.account.name}
                      </Anchor>
                      {q.opportunity && (
                        <Anchor component={Link} to={`/presales/opportunities/${q.opportunity.id}`} size="xs" c="dimmed">
                          {q.opportunity.name}
                        </Anchor>
                      )}
                    </Stack>
                  </Table.Td>
                )}
                <Table.Td>
                  <QuestionnaireStatusBadge q={q} />
                </Table.Td>
                <Table.Td>
                  {q.questionCount > 0 ? (
                    <StatusProgress counts={q.progress} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <DueDate dueOn={q.dueOn} done={q.status === 'submitted'} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{q.owner?.name ?? '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" hiddenFrom="sm" p="xs" component="ul" aria-label="Questionnaires" style={{ listStyle: 'none', margin: 0 }}>
        {items.map((q) => (
          <Card key={q.id} withBorder component="li" padding="sm">
            <Stack gap={6}>
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{title(q)}</div>
              <Group gap="xs" wrap="wrap">
                <QuestionnaireStatusBadge q={q} />
                <Text size="xs" c="dimmed">
                  {QUESTIONNAIRE_KIND_LABELS[q.kind]} · {q.questionCount} questions
                </Text>
              </Group>
              {showAccount && (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {q.account.name}
                  {q.opportunity ? ` · ${q.opportunity.name}` : ''}
                </Text>
              )}
              {q.questionCount > 0 && <StatusProgress counts={q.progress} size="sm" />}
              <Group justify="space-between">
                <DueDate dueOn={q.dueOn} done={q.status === 'submitted'} />
                <Text size="xs" c="dimmed">
                  {q.owner?.name ?? 'No owner'}
                </Text>
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  );
}
