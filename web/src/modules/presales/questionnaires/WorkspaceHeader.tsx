import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileReport } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { QUESTIONNAIRE_KIND_LABELS, type Question, type Questionnaire } from './api';
import { AutofillButton } from './AutofillButton';
import { ExportMenu } from './ExportMenu';
import { KeyboardHelp } from './KeyboardHelp';
import { DueDate, QuestionnaireStatusBadge } from './QuestionnaireList';
import { WorkspaceMoreMenu } from './WorkspaceMoreMenu';

/** The questionnaire's title, account, deal, owner and due date, and what can be done to it as a whole. */
export function WorkspaceHeader({
  questionnaire: data,
  items,
  canWrite,
  canApprove,
  helpOpen,
  onHelpChange,
  onOpenReport,
}: {
  questionnaire: Questionnaire;
  /** The questions shown, which the bulk actions act on. */
  items: Question[];
  canWrite: boolean;
  canApprove: boolean;
  helpOpen: boolean;
  onHelpChange: (opened: boolean) => void;
  onOpenReport: () => void;
}) {
  const mapped = data.status !== 'mapping';
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
        <Group gap="xs" wrap="wrap">
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>
            {data.title}
          </Title>
          <QuestionnaireStatusBadge q={data} />
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {QUESTIONNAIRE_KIND_LABELS[data.kind]} ·
          </Text>
          <Anchor component={Link} to={`/accounts/${data.account.id}`} size="sm">
            {data.account.name}
          </Anchor>
          {data.opportunity && (
            <>
              <Text size="sm" c="dimmed">
                ·
              </Text>
              <Anchor component={Link} to={`/presales/opportunities/${data.opportunity.id}`} size="sm">
                {data.opportunity.name}
              </Anchor>
            </>
          )}
          <Text size="sm" c="dimmed">
            · owner {data.owner?.name ?? 'none'} ·
          </Text>
          <DueDate dueOn={data.dueOn} done={data.status === 'submitted'} />
        </Group>
      </Stack>
      <Group gap="xs" wrap="wrap">
        {canWrite && mapped && <AutofillButton questionnaire={data} />}
        {mapped && <ExportMenu id={data.id} />}
        {data.importSummary && (
          <Button variant="default" leftSection={<IconFileReport size={16} />} onClick={onOpenReport}>
            Import report
          </Button>
        )}
        {canWrite && mapped && <WorkspaceMoreMenu questionnaire={data} items={items} canApprove={canApprove} />}
        <KeyboardHelp opened={helpOpen} onChange={onHelpChange} />
      </Group>
    </Group>
  );
}
