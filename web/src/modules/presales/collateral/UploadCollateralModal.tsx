import { Button, FileInput, Group, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useSession } from '../../../lib/auth';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { FILE_ACCEPT, useCreateCollateral, type CollateralItemDetail } from './api';
import { CollateralFields, DETAIL_FIELDS, detailsBody, validateDetails, type CollateralFormValues } from './CollateralFields';

interface UploadValues extends CollateralFormValues {
  file: File | null;
  note: string;
}

const FIELDS = [...DETAIL_FIELDS, 'file', 'note'] as const;
// The server names the details' problems under the multipart field "metadata".
const ALIASES = Object.fromEntries(FIELDS.map((f) => [`metadata.${f}`, f]));

/** A title from a file name: "kestrel-case_study v2.pdf" → "kestrel case study v2". */
const titleFromFile = (name: string) =>
  name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();

/** A new collateral item: its file (the first version) and its details, uploaded with progress. */
export function UploadCollateralModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (item: CollateralItemDetail) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Upload collateral" size="lg" centered>
      {opened && <UploadForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

/** Problems with the file itself come back with these codes; they belong under the file input. */
export function isFileProblem(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    [
      'collateral.type_not_allowed',
      'collateral.too_large',
      'collateral.file_empty',
      'collateral.file_missing',
      'request.fst_files_limit',
    ].includes(error.code)
  );
}

function UploadForm({ onClose, onCreated }: { onClose: () => void; onCreated: (item: CollateralItemDetail) => void }) {
  const session = useSession();
  const create = useCreateCollateral();
  const [sent, setSent] = useState(0);
  const form = useForm<UploadValues>({
    initialValues: {
      file: null,
      note: '',
      title: '',
      kind: 'case_study',
      productArea: '',
      tags: [],
      description: '',
      ownerId: session.member.id,
      industries: [],
      segments: [],
    },
    validate: { ...validateDetails, file: (f: File | null) => (f ? null : 'Choose the file to upload') },
  });

  const submit = form.onSubmit(({ file, note, ...details }) => {
    if (!file) return;
    setSent(0);
    create.mutate(
      { file, metadata: { ...detailsBody(details), note: note.trim() || null }, csrfToken: session.csrfToken ?? '', onProgress: setSent },
      {
        onSuccess: (item) => {
          notifySuccess(`“${item.title}” uploaded as version 1.`);
          onCreated(item);
          onClose();
        },
        onError: (error) => {
          if (isFileProblem(error)) form.setFieldError('file', error.message);
          else showServerErrors(form, error, FIELDS, ALIASES);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FileInput
          label="File"
          required
          placeholder="Choose a file"
          description="PDF, Word, PowerPoint, Excel, PNG, JPEG, Markdown or text"
          accept={FILE_ACCEPT}
          clearable
          leftSection={<IconUpload size={16} />}
          {...form.getInputProps('file')}
          onChange={(file) => {
            form.setFieldValue('file', file);
            if (file && !form.values.title.trim()) form.setFieldValue('title', titleFromFile(file.name));
          }}
        />
        <CollateralFields form={form} />
        <TextInput label="Version note" placeholder="What this version is" maxLength={2000} {...form.getInputProps('note')} />
        {create.isPending && (
          <Stack gap={4}>
            <Progress value={sent < 1 ? sent * 100 : 100} animated={sent >= 1} aria-label="Upload progress" />
            <Text size="xs" c="dimmed">
              {sent < 1 ? `Uploading… ${Math.round(sent * 100)}%` : 'Checking and storing the file…'}
            </Text>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} leftSection={<IconUpload size={16} />}>
            Upload
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
