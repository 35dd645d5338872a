import { Autocomplete, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput, Input } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useMemberOptions } from '../../team/api';
import { useCreateRequest, useProductAreas, useUpdateRequest, type FeatureRequest } from './api';
import {
  REQUEST_STATUSES,
  REQUEST_VISIBILITIES,
  STATUS_LABELS,
  VISIBILITY_LABELS,
  type RequestStatus,
  type RequestVisibility,
} from './labels';

const FIELDS = ['title', 'description', 'productArea', 'status', 'declinedReason', 'ownerId', 'targetRelease', 'visibility'] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The request to edit; a new one without it. */
  request?: FeatureRequest;
  onSaved?: (request: FeatureRequest) => void;
}

/** A new feature request, or a request's details, status (declined needs a reason), owner and release. */
export function RequestFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.request ? 'Edit request' : 'New feature request'} size="lg" centered>
      {/* The modal drops its content when closed, so each opening starts from the request as it is. */}
      <RequestForm {...props} />
    </Modal>
  );
}

function RequestForm({ request, onClose, onSaved }: Props) {
  const create = useCreateRequest();
  const update = useUpdateRequest(request?.id ?? '');
  const members = useMemberOptions();
  const areas = useProductAreas();
  const form = useForm({
    initialValues: {
      title: request?.title ?? '',
      description: request?.description ?? '',
      productArea: request?.productArea ?? '',
      status: (request?.status ?? 'under_review') as RequestStatus,
      declinedReason: request?.declinedReason ?? '',
      ownerId: request?.owner?.id ?? (null as string | null),
      targetRelease: request?.targetRelease ?? '',
      visibility: (request?.visibility ?? 'internal') as RequestVisibility,
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the request a title'),
      declinedReason: (v, values) => (values.status !== 'declined' || v.trim() ? null : 'Say why the request is declined'),
    },
  });

  const submit = form.onSubmit((values) => {
    const body = {
      title: values.title.trim(),
      description: values.description.trim(),
      productArea: values.productArea.trim() || null,
      status: values.status,
      ownerId: values.ownerId,
      targetRelease: values.targetRelease.trim() || null,
      visibility: values.visibility,
    };
    const done = {
      onSuccess: (saved: FeatureRequest) => {
        notifySuccess(request ? 'Request saved.' : 'Request created.');
        onClose();
        onSaved?.(saved);
      },
      onError: (error: unknown) => showServerErrors(form, error, FIELDS),
    };
    if (request) update.mutate({ ...body, declinedReason: values.status === 'declined' ? values.declinedReason.trim() : null }, done);
    else create.mutate(body, done);
  });

  return (
    <form onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate>
      <Stack>
        <TextInput label="Title" placeholder="Export dashboards as PDF" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={3} maxRows={10} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Autocomplete label="Product area" placeholder="Reporting" data={areas} {...form.getInputProps('productArea')} />
          {/* A new request starts under review; triage moves it on from its page. */}
          {request && (
            <Select
              label="Status"
              data={REQUEST_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          )}
        </SimpleGrid>
        {form.values.status === 'declined' && (
          <Textarea
            label="Why it is declined"
            description="Customers who asked see this when they are told."
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('declinedReason')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Product owner"
            placeholder="Nobody yet"
            searchable
            clearable
            data={members.options}
            {...form.getInputProps('ownerId')}
          />
          <TextInput label="Target release" placeholder="2025.3" {...form.getInputProps('targetRelease')} />
        </SimpleGrid>
        <Input.Wrapper label="Visibility" description="Public requests appear in the customer portal with their status.">
          <SegmentedControl
            mt={4}
            aria-label="Visibility"
            data={REQUEST_VISIBILITIES.map((value) => ({ value, label: VISIBILITY_LABELS[value] }))}
            {...form.getInputProps('visibility')}
          />
        </Input.Wrapper>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {request ? 'Save' : 'Create request'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
