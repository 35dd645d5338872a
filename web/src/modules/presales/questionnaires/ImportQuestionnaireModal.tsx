import { Alert, Button, FileInput, Group, Loader, Modal, Select, SimpleGrid, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../lib/api-client';
import { useSession } from '../../../lib/auth';
import { showServerErrors } from '../../../ui/server-errors';
import { AccountSelect } from '../../delivery/engagements/AccountSelect';
import { useMemberOptions } from '../../team/api';
import {
  QUESTIONNAIRE_KINDS,
  QUESTIONNAIRE_KIND_LABELS,
  useAccountOpportunities,
  useCreateQuestionnaire,
  useImportMapping,
  useUploadWorkbook,
  useWorkbookPreview,
  type ImportReport,
  type QuestionnaireSummary,
  type SheetMapping,
  type WorkbookPreview,
} from './api';
import { ImportReportView } from './ImportReportView';
import { MappingStep } from './MappingStep';

export interface ImportPreset {
  accountId: string;
  accountName: string;
  opportunityId?: string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The account (and deal) the questionnaire belongs to, when started from a deal. */
  preset?: ImportPreset;
  /** A questionnaire whose workbook was uploaded but not mapped yet: start at the mapping. */
  resume?: QuestionnaireSummary | null;
}

/**
 * "Import questionnaire": the details and the file, then the column mapping (sheet tabs and a
 * preview grid), then the import report. Closing half-way keeps what was done: a questionnaire
 * left at the mapping shows "Columns to map" in the list and reopens here.
 */
export function ImportQuestionnaireModal({ opened, onClose, preset, resume }: Props) {
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title="Import questionnaire" size="min(1200px, 96vw)" fullScreen={phone} centered>
      {opened && <ImportFlow preset={preset} resume={resume ?? null} onClose={onClose} />}
    </Modal>
  );
}

function ImportFlow({ preset, resume, onClose }: { preset?: ImportPreset; resume: QuestionnaireSummary | null; onClose: () => void }) {
  const [questionnaireId, setQuestionnaireId] = useState<string | null>(resume?.id ?? null);
  const [step, setStep] = useState(resume ? 1 : 0);
  const [preview, setPreview] = useState<WorkbookPreview | null>(null);
  const [report, setReport] = useState<{ report: ImportReport; failed: boolean } | null>(null);
  const stored = useWorkbookPreview(questionnaireId, step === 1 && preview === null);
  const importer = useImportMapping();
  const navigate = useNavigate();
  const shown = preview ?? stored.data ?? null;

  const runImport = (sheets: SheetMapping[]) => {
    if (!questionnaireId) return;
    importer.mutate(
      { id: questionnaireId, body: { sheets } },
      {
        onSuccess: (r) => {
          setReport({ report: r, failed: false });
          setStep(2);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'questionnaires.no_questions' && error.details.report)
            setReport({ report: error.details.report as ImportReport, failed: true });
        },
      },
    );
  };

  return (
    <Stepper active={step} size="sm" allowNextStepsSelect={false}>
      <Stepper.Step label="File" description="Details and workbook">
        <DetailsStep
          preset={preset}
          questionnaireId={questionnaireId}
          onCreated={setQuestionnaireId}
          onUploaded={(p) => {
            setPreview(p);
            setStep(1);
          }}
          onCancel={onClose}
        />
      </Stepper.Step>
      <Stepper.Step label="Columns" description="Map each sheet">
        {shown ? (
          <Stack gap="sm">
            {report?.failed && <ImportReportView report={report.report} failed />}
            {importer.isError && !(importer.error instanceof ApiError && importer.error.code === 'questionnaires.no_questions') && (
              <Alert color="red" title="The questions were not imported">
                {importer.error instanceof Error ? importer.error.message : 'Something went wrong; try again.'}
              </Alert>
            )}
            <MappingStep
              key={shown.fileName}
              preview={shown}
              importing={importer.isPending}
              onImport={runImport}
              onBack={() => {
                setPreview(null);
                setReport(null);
                setStep(0);
              }}
            />
          </Stack>
        ) : stored.isError ? (
          <Alert color="red">{stored.error instanceof Error ? stored.error.message : 'The workbook could not be read.'}</Alert>
        ) : (
          <Group justify="center" p="xl">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              Reading the workbook…
            </Text>
          </Group>
        )}
      </Stepper.Step>
      <Stepper.Step label="Report" description="What was imported">
        {report && (
          <Stack gap="md">
            <ImportReportView report={report.report} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Close
              </Button>
              <Button onClick={() => navigate(`/presales/questionnaires/${questionnaireId}`)}>Open the questionnaire</Button>
            </Group>
          </Stack>
        )}
      </Stepper.Step>
    </Stepper>
  );
}

const FIELDS = ['accountId', 'opportunityId', 'title', 'kind', 'dueOn', 'ownerId'] as const;

function DetailsStep({
  preset,
  questionnaireId,
  onCreated,
  onUploaded,
  onCancel,
}: {
  preset?: ImportPreset;
  questionnaireId: string | null;
  onCreated: (id: string) => void;
  onUploaded: (preview: WorkbookPreview) => void;
  onCancel: () => void;
}) {
  const session = useSession();
  const members = useMemberOptions();
  const create = useCreateQuestionnaire();
  const upload = useUploadWorkbook();
  const [file, setFile] = useState<File | null>(null);
  const form = useForm({
    initialValues: {
      accountId: preset?.accountId ?? (null as string | null),
      opportunityId: preset?.opportunityId ?? (null as string | null),
      title: '',
      kind: 'security' as (typeof QUESTIONNAIRE_KINDS)[number],
      dueOn: '',
      ownerId: session.member.id as string | null,
    },
    validate: {
      accountId: (v) => (v ? null : 'Choose the account'),
      title: (v) => (v.trim() ? null : 'Give the questionnaire a title'),
    },
  });
  const opportunities = useAccountOpportunities(form.values.accountId);

  const sendFile = (id: string) => {
    if (!file) return;
    upload.mutate({ id, file }, { onSuccess: onUploaded });
  };

  const submit = form.onSubmit((values) => {
    if (!file) return;
    if (questionnaireId) return sendFile(questionnaireId);
    create.mutate(
      {
        accountId: values.accountId!,
        opportunityId: values.opportunityId || null,
        title: values.title.trim(),
        kind: values.kind,
        dueOn: values.dueOn || null,
        ownerId: values.ownerId || null,
      },
      {
        onSuccess: (q) => {
          onCreated(q.id);
          sendFile(q.id);
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    );
  });

  const chooseFile = (f: File | null) => {
    setFile(f);
    if (f && !form.values.title.trim())
      form.setFieldValue(
        'title',
        f.name
          .replace(/\.[^.]+$/, '')
          .replace(/[_-]+/g, ' ')
          .trim(),
      );
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <FileInput
          label="Workbook or CSV file"
          description="The customer’s own file (.xlsx or .csv, up to 20 MB): the export writes the answers back into it."
          placeholder="Choose the questionnaire file"
          accept=".xlsx,.xlsm,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          leftSection={<IconFileSpreadsheet size={16} />}
          value={file}
          onChange={chooseFile}
          withAsterisk
          clearable
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {preset ? (
            <TextInput label="Account" value={preset.accountName} readOnly />
          ) : (
            <AccountSelect
              value={form.values.accountId}
              onChange={(id) => {
                form.setFieldValue('accountId', id);
                form.setFieldValue('opportunityId', null);
              }}
              error={form.errors.accountId}
            />
          )}
          <Select
            label="Opportunity"
            placeholder={form.values.accountId ? 'None' : 'Choose the account first'}
            data={(opportunities.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            disabled={!form.values.accountId || Boolean(preset?.opportunityId)}
            clearable
            {...form.getInputProps('opportunityId')}
          />
          <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
          <Select
            label="Kind"
            data={QUESTIONNAIRE_KINDS.map((k) => ({ value: k, label: QUESTIONNAIRE_KIND_LABELS[k] }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <TextInput type="date" label="Due" {...form.getInputProps('dueOn')} />
          <Select label="Owner" description="Approves the answers" data={members.options} searchable {...form.getInputProps('ownerId')} />
        </SimpleGrid>
        {upload.isError && (
          <Alert color="red" title="The file was not read">
            {upload.error instanceof ApiError
              ? `${upload.error.message}${typeof upload.error.details.reason === 'string' ? ` ${upload.error.details.reason}` : ''}`
              : 'Something went wrong; try again.'}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={!file} loading={create.isPending || upload.isPending}>
            Upload and map columns
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
