import type { ReactNode } from 'react';
import {
  Autocomplete,
  Button,
  Group,
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { showServerErrors } from '../../../ui/server-errors';
import { useContacts } from '../../accounts/api';
import { AccountSelect } from '../../delivery/engagements/AccountSelect';
import { useProductAreas } from '../requests/api';
import { RequestSelect } from '../requests/RequestSelect';
import { useCaptureFeedback, type FeedbackItem } from './api';
import { IMPACT_LABELS, IMPACTS, type FeedbackSource, type Impact } from './labels';

/** Where the feedback was heard; the server takes the account from the source when it names one. */
export interface CaptureSource {
  sourceType: FeedbackSource;
  sourceId?: string | null;
  accountId?: string;
  /** The people who could have said it (a ticket's requester, an interaction's attendees). */
  contacts?: { id: string; name: string }[];
}

/** Sources whose record names its account; the others (an opportunity before pre-sales exists) need one picked. */
const SOURCES_WITH_ACCOUNT = new Set<FeedbackSource>(['ticket', 'interaction', 'poc_criterion', 'engagement_task']);

const FIELDS = ['accountId', 'title', 'quote', 'impact', 'contactId', 'productArea', 'tags', 'requestId'] as const;

interface Props {
  source: CaptureSource;
  initialTitle: string;
  initialQuote: string;
  onCaptured: (item: FeedbackItem) => void;
  onCancel: () => void;
}

export function CaptureFeedbackForm({ source, initialTitle, initialQuote, onCaptured, onCancel }: Props) {
  const capture = useCaptureFeedback();
  const pickAccount = !source.accountId && !(source.sourceId && SOURCES_WITH_ACCOUNT.has(source.sourceType));
  const areas = useProductAreas();
  const form = useForm({
    initialValues: {
      accountId: source.accountId ?? (null as string | null),
      title: initialTitle,
      quote: initialQuote,
      impact: 'important' as Impact,
      contactId: (source.contacts?.length === 1 ? source.contacts[0]!.id : null) as string | null,
      productArea: '',
      tags: [] as string[],
      requestId: null as string | null,
    },
    validate: {
      accountId: (v) => (v || !pickAccount ? null : 'Pick the customer who said it'),
      title: (v) => (v.trim() ? null : 'Give the need a short title'),
      quote: (v) => (v.trim() ? null : 'Quote what the customer said'),
    },
  });

  const submit = form.onSubmit((values) =>
    capture.mutate(
      {
        // A source that names its account (a ticket, an interaction…) decides it on the server too.
        accountId: values.accountId ?? undefined,
        contactId: values.contactId,
        title: values.title.trim(),
        quote: values.quote.trim(),
        impact: values.impact,
        sourceType: source.sourceType,
        sourceId: source.sourceId ?? null,
        productArea: values.productArea.trim() || null,
        tags: values.tags,
        requestId: values.requestId,
      },
      { onSuccess: onCaptured, onError: (error) => showServerErrors(form, error, FIELDS) },
    ),
  );

  return (
    <form onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate aria-label="Capture feedback">
      <Stack>
        {pickAccount && (
          <AccountSelect
            value={form.values.accountId}
            onChange={(id) => form.setFieldValue('accountId', id)}
            error={form.errors.accountId}
          />
        )}
        <TextInput label="Title" placeholder="Export dashboards as PDF" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <Textarea
          label="The customer’s words"
          description="Quote them as they said it; select text on the page before capturing to start from it."
          withAsterisk
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('quote')}
        />
        <Input.Wrapper label="Impact" id="capture-impact">
          <SegmentedControl
            fullWidth
            aria-labelledby="capture-impact-label"
            data={IMPACTS.map((value) => ({ value, label: IMPACT_LABELS[value] }))}
            color={form.values.impact === 'blocker' ? 'red' : undefined}
            {...form.getInputProps('impact')}
          />
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {source.contacts?.length || !form.values.accountId ? (
            <ContactSelect contacts={source.contacts ?? []} {...form.getInputProps('contactId')} />
          ) : (
            <AccountContactSelect accountId={form.values.accountId} {...form.getInputProps('contactId')} />
          )}
          <Autocomplete label="Product area" placeholder="Reporting" data={areas} {...form.getInputProps('productArea')} />
        </SimpleGrid>
        <TagsInput label="Tags" placeholder="Type and press Enter" maxTags={20} {...form.getInputProps('tags')} />
        <RequestSelect
          label="Link to request"
          description="Optional: triage can link it later from the inbox."
          value={form.values.requestId}
          onChange={(id) => form.setFieldValue('requestId', id)}
          error={form.errors.requestId}
        />
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            Ctrl/⌘ + Enter captures
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={capture.isPending}>
              Capture
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

interface ContactSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  error?: ReactNode;
}

function ContactSelect({ contacts, ...props }: ContactSelectProps & { contacts: { id: string; name: string }[] }) {
  return (
    <Select
      label="Contact"
      placeholder={contacts.length ? 'Who said it' : 'No contacts to choose from'}
      searchable
      clearable
      data={contacts.map((c) => ({ value: c.id, label: c.name }))}
      disabled={contacts.length === 0}
      {...props}
    />
  );
}

/** Without a list from the source, the account's own contacts are the choice. */
function AccountContactSelect({ accountId, ...props }: ContactSelectProps & { accountId: string }) {
  const contacts = useContacts(accountId);
  return <ContactSelect contacts={contacts.data ?? []} {...props} />;
}
