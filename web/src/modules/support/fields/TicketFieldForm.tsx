import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { FIELD_TYPE_LABELS, useCreateTicketField, useUpdateTicketField, type TicketField, type TicketFieldType } from './api';

const TYPES = Object.keys(FIELD_TYPE_LABELS) as TicketFieldType[];
const hasOptions = (t: TicketFieldType) => t === 'dropdown' || t === 'multiselect';

/** An option's stored value from its name, as Zendesk suggests one: lower-case, one word. */
function valueFromName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_')
    .replace(/[^a-z0-9_:.-]/g, '');
}

/** Adds a field, or edits one; a field tickets already use keeps its type. */
export function TicketFieldForm({ field, onDone }: { field: TicketField | null; onDone: () => void }) {
  const create = useCreateTicketField();
  const update = useUpdateTicketField(field?.id ?? '');
  const form = useForm({
    initialValues: {
      title: field?.title ?? '',
      fieldType: (field?.fieldType ?? 'text') as TicketFieldType,
      description: field?.description ?? '',
      pattern: field?.pattern ?? '',
      options: field?.options.map((o) => ({ ...o })) ?? [],
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the field a title'),
      pattern: (v, values) => (values.fieldType === 'regexp' && !v.trim() ? 'Give the pattern values must match' : null),
    },
  });
  const typeLocked = !!field && field.valueCount > 0;
  const pending = create.isPending || update.isPending;

  const submit = form.onSubmit((values) => {
    const options = hasOptions(values.fieldType)
      ? values.options.map((o) => ({ name: o.name.trim(), value: o.value.trim() || valueFromName(o.name) }))
      : [];
    const body = {
      title: values.title.trim(),
      fieldType: values.fieldType,
      description: values.description.trim() || null,
      pattern: values.fieldType === 'regexp' ? values.pattern.trim() : null,
      options,
    };
    const done = { onSuccess: (saved: TicketField) => (notifySuccess(`Field “${saved.title}” saved.`), onDone()) };
    const onError = (error: unknown) => showServerErrors(form, error, ['title', 'fieldType', 'description', 'pattern', 'options']);
    if (field) update.mutate(body, { ...done, onError });
    else create.mutate(body, { ...done, onError });
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <Select
          label="Type"
          allowDeselect={false}
          data={TYPES.map((t) => ({ value: t, label: FIELD_TYPE_LABELS[t] }))}
          disabled={typeLocked}
          description={typeLocked ? 'Tickets hold values of this field, so its type stays.' : undefined}
          {...form.getInputProps('fieldType')}
        />
        {form.values.fieldType === 'regexp' && (
          <TextInput
            label="Pattern"
            withAsterisk
            placeholder="^PO-\d{4}$"
            description="Values must match this regular expression"
            {...form.getInputProps('pattern')}
          />
        )}
        {hasOptions(form.values.fieldType) && (
          <Stack gap="xs" role="group" aria-label="Options">
            <Text size="sm" fw={500}>
              Options
            </Text>
            {form.values.options.map((_, i) => (
              <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                <TextInput
                  aria-label={`Option ${i + 1} name`}
                  placeholder="Name"
                  style={{ flex: 1 }}
                  {...form.getInputProps(`options.${i}.name`)}
                />
                <TextInput
                  aria-label={`Option ${i + 1} value`}
                  placeholder="value"
                  style={{ flex: 1 }}
                  {...form.getInputProps(`options.${i}.value`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove option ${i + 1}`}
                  onClick={() => form.removeListItem('options', i)}
                  mt={6}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            {form.errors.options && (
              <Text size="xs" c="red">
                {form.errors.options}
              </Text>
            )}
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('options', { name: '', value: '' })}
              style={{ alignSelf: 'flex-start' }}
            >
              Add option
            </Button>
          </Stack>
        )}
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {field ? 'Save field' : 'Create field'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
