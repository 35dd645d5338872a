import { Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { QueryError } from '../../../ui/QueryError';
import { useOpportunityAccount, useQuestionnaires, type QuestionnaireSummary } from './api';
import { ImportQuestionnaireModal } from './ImportQuestionnaireModal';
import { QuestionnaireList } from './QuestionnaireList';

/** The deal's questionnaires with their progress; a new one is imported on the deal's account. */
export function OpportunityQuestionnairesTab({ opportunityId }: { opportunityId: string }) {
  const { can } = useAuth();
  const list = useQuestionnaires({ opportunityId, limit: 100 });
  const deal = useOpportunityAccount(opportunityId);
  const [importing, setImporting] = useState(false);
  const [resume, setResume] = useState<QuestionnaireSummary | null>(null);
  const items = list.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          Security questionnaires and RFPs for this deal.
        </Text>
        {can('presales.write') && (
          <Button size="sm" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)} disabled={!deal.data}>
            Import questionnaire
          </Button>
        )}
      </Group>
      <Card p={0} withBorder>
        {list.isError ? (
          <Stack p="md">
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : list.isPending ? (
          <Stack p="md">
            <Skeleton height={36} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconFileSpreadsheet size={18} />}
            title="No questionnaire on this deal"
            description="When the customer sends a security questionnaire or an RFP, import their workbook here."
          />
        ) : (
          <QuestionnaireList items={items} showAccount={false} onMap={setResume} />
        )}
      </Card>
      {deal.data && (
        <ImportQuestionnaireModal
          opened={importing || resume !== null}
          resume={resume}
          preset={{ accountId: deal.data.account.id, accountName: deal.data.account.name, opportunityId }}
          onClose={() => {
            setImporting(false);
            setResume(null);
          }}
        />
      )}
    </Stack>
  );
}
