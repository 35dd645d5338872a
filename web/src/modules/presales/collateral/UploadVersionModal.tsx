import { Button, FileInput, Group, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../../../lib/auth';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { FILE_ACCEPT, useUploadVersion, type CollateralItem } from './api';
import { isFileProblem } from './UploadCollateralModal';

/** The next version of an item: the file and a note on what changed. It becomes the current version. */
export function UploadVersionModal({ item, opened, onClose }: { item: CollateralItem; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`New version of “${item.title}”`} centered>
      {opened && <VersionForm item={item} onClose={onClose} />}
    </Modal>
  );
}

function VersionForm({ item, onClose }: { item: CollateralItem; onClose: () => void }) {
  const session = useSession();
  const upload = useUploadVersion(item.id);
  const [sent, setSent] = useState(0);
  const form = useForm<{ file: File | null; note: string }>({
    initialValues: { file: null, note: '' },
    validate: { file: (f) => (f ? null : 'Choose the file to upload') },
  });
  const next = item.versionCount + 1;

  const submit = form.onSubmit(({ file, note }) => {
    if (!file) return;
    setSent(0);
    upload.mutate(
      { file, note, csrfToken: session.csrfToken ?? '', onProgress: setSent },
      {
        onSuccess: (version) => {
          notifySuccess(`Version ${version.number} uploaded; it is now the current one.`);
          onClose();
        },
        onError: (error) => {
          if (isFileProblem(error)) form.setFieldError('file', error.message);
          else showServerErrors(form, error, ['file', 'note']);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          This becomes version {next}. Earlier versions stay available, and the send history keeps naming the version each deal got.
        </Text>
        <FileInput
          label="File"
          required
          placeholder="Choose a file"
          accept={FILE_ACCEPT}
          clearable
          leftSection={<IconUpload size={16} />}
          {...form.getInputProps('file')}
        />
        <TextInput label="What changed" placeholder="e.g. Updated figures for 2026" maxLength={2000} {...form.getInputProps('note')} />
        {upload.isPending && (
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
          <Button type="submit" loading={upload.isPending} leftSection={<IconUpload size={16} />}>
            Upload version {next}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
